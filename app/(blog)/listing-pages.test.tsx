import { randomUUID } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createComments, createPost } from "@/tests/support/factories";
import MonthArchivePage from "./[year]/[month]/page";
import MonthOlderPage from "./archive/[year]/[month]/[page]/page";
import LabelPage from "./label/[slug]/page";
import LabelOlderPage from "./label/[slug]/page/[page]/page";
import OlderPostsPage from "./page/[page]/page";
import SearchPage from "./search/page";

// The route components themselves: parameter validation and "past the end" are 404s.
// `?page=N` reaches the `…/page/N` routes through next.config.ts rewrites.
const NOT_FOUND = { digest: expect.stringContaining("404") };
const search = <T extends object>(params: T) => Promise.resolve(params);

async function labelWithPosts(count: number) {
  const slug = `pages-${randomUUID().slice(0, 8)}`;
  const label = await db.label.create({ data: { name: slug, slug }, select: { id: true } });
  for (let i = 0; i < count; i++)
    await createPost({ title: `Paged ${i}`, labels: { connect: { id: label.id } } });
  return slug;
}

describe("listing pages", () => {
  it("home rejects malformed page numbers", async () => {
    for (const page of ["0", "abc", "-1", "1.5"]) {
      await expect(OlderPostsPage({ params: search({ page }) }), page).rejects.toMatchObject(NOT_FOUND);
    }
    await expect(OlderPostsPage({ params: search({ page: "999999" }) })).rejects.toMatchObject(NOT_FOUND);
  });

  it("label pages page through their posts and 404 past the end", async () => {
    const slug = await labelWithPosts(6); // POSTS_PER_PAGE defaults to 5
    const first = renderToStaticMarkup(await LabelPage({ params: search({ slug }) }));
    expect(first.match(/>Read more</g)).toHaveLength(5);
    expect(first).toContain(`href="/label/${slug}?page=2"`);
    expect(first).not.toContain("Newer Posts");
    const last = renderToStaticMarkup(await LabelOlderPage({ params: search({ slug, page: "2" }) }));
    expect(last.match(/>Read more</g)).toHaveLength(1);
    expect(last).toContain(`href="/label/${slug}"`);
    expect(last).not.toContain("Older Posts");
    await expect(LabelOlderPage({ params: search({ slug, page: "3" }) })).rejects.toMatchObject(NOT_FOUND);
    await expect(LabelPage({ params: search({ slug: "no-such-label" }) })).rejects.toMatchObject(NOT_FOUND);
  });

  it("month pages 404 for empty or malformed months", async () => {
    await createPost({ publishedAt: new Date("1990-05-15T00:00:00Z"), title: "May 1990" });
    const may = renderToStaticMarkup(
      await MonthArchivePage({ params: search({ year: "1990", month: "05" }) }),
    );
    expect(may).toContain("May 1990");
    for (const [year, month] of [
      ["1990", "04"],
      ["1990", "5"],
      ["1990", "13"],
      ["90", "05"],
    ]) {
      await expect(
        MonthArchivePage({ params: search({ year, month }) }),
        `${year}/${month}`,
      ).rejects.toMatchObject(NOT_FOUND);
    }
    await expect(
      MonthOlderPage({ params: search({ year: "1990", month: "05", page: "2" }) }),
    ).rejects.toMatchObject(NOT_FOUND);
  });

  it("search renders matches as <mark> elements and user text as text", async () => {
    const word = `w${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    await createPost({ title: `<img src=x onerror=alert(1)> ${word}` });
    const html = renderToStaticMarkup(await SearchPage({ searchParams: search({ q: `${word} <img>` }) }));
    expect(html).toContain(`<mark class="rounded-sm bg-highlight px-0.5 text-ink">${word}</mark>`);
    expect(html).toMatch(/&lt;<\/span><mark[^>]*>img<\/mark>/);
    expect(html).toContain("onerror=alert(1)&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
  });

  it("search shows matching comments in their own section, linking to the comment", async () => {
    const word = `w${randomUUID().replace(/-/g, "").slice(0, 10)}`;
    const post = await createPost({ title: "Thread <b>bold</b>" });
    const [id] = await createComments(post.id, [{ body: `Never ever know ${word} <i>!` }]);
    const html = renderToStaticMarkup(await SearchPage({ searchParams: search({ q: word }) }));
    expect(html).toContain("No post’s own text matches");
    expect(html).not.toContain('role="status"');
    expect(html).toMatch(/<section aria-labelledby="discussion-results"[^>]*><h2 id="discussion-results"/);
    expect(html).toContain(
      `<a href="/comments/${id}" class="hover:underline">Thread &lt;b&gt;bold&lt;/b&gt;</a>`,
    );
    expect(html).toContain("Comment by Tester");
    expect(html).toMatch(new RegExp(`<mark[^>]*>${word}</mark><span> &lt;i&gt;!</span>`));
  });
});
