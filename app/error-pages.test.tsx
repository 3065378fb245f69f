import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import BlogError from "./(blog)/error";
import ErrorPage from "./error";
import GlobalError from "./global-error";

// What the browser gets in production: Next keeps the message and stack on the server
// and sends the digest. In development it sends the message too; the page must not show it.
const error = Object.assign(new Error("SQLITE_CORRUPT at /srv/blog/data/commonplace.db"), {
  digest: "4120441956",
});
const reset = () => {};

describe("the error pages", () => {
  it.each([
    ["app/error.tsx", <ErrorPage key="root" error={error} reset={reset} />],
    ["app/(blog)/error.tsx", <BlogError key="blog" error={error} reset={reset} />],
    ["app/global-error.tsx", <GlobalError key="global" error={error} />],
  ])("%s shows the error id the server logged, and nothing of the error", (_, page) => {
    const html = renderToStaticMarkup(page);
    expect(html).toContain("Something went wrong");
    expect(html).toMatch(/Error id: <code[^>]*>4120441956<\/code>/);
    for (const internal of ["SQLITE_CORRUPT", "/srv/blog", "error-pages.test"])
      expect(html).not.toContain(internal);
  });

  it("says nothing about an id when there is none (an error in the browser)", () => {
    const html = renderToStaticMarkup(<ErrorPage error={new Error("x")} reset={reset} />);
    expect(html).not.toContain("Error id");
    expect(html).toContain("Try again");
  });

  it("replaces the whole document when the root layout fails", () => {
    const html = renderToStaticMarkup(<GlobalError error={error} />);
    expect(html).toMatch(/^<html lang="en"><head><title>Something went wrong<\/title><\/head><body/);
    expect(html).toContain('<main id="main"');
  });
});
