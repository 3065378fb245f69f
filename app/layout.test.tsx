import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

describe("RootLayout", () => {
  it("declares the blog's language from BLOG_LOCALE", async () => {
    vi.stubEnv("BLOG_LOCALE", "ms-MY");
    vi.resetModules();
    const { default: RootLayout } = await import("./layout");
    expect(renderToStaticMarkup(<RootLayout>x</RootLayout>)).toContain('<html lang="ms-MY">');
    vi.unstubAllEnvs();
    vi.resetModules();
  });
});
