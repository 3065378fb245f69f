import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseHoldReasons } from "@/lib/comments/hold-rules";
import { getHeldQueue } from "@/lib/data/held-comments";
import { getPublishedPosts, getRedirectTarget } from "@/lib/data/posts";
import { createUser } from "@/tests/support/factories";
import { commentsOf, fixture, localId, resetImports, runImport, tempFile } from "@/tests/support/imports";

beforeEach(resetImports);

const SITE = "https://slowcycling.example";

describe("WordPress WXR", () => {
  it("imports posts, pages and drafts, with categories and tags as labels and a sanitized body", async () => {
    const report = await runImport(fixture("wordpress.xml"));
    expect(report.format).toBe("WordPress WXR");
    expect(report.failed).toEqual([]);
    expect(report.imported).toMatchObject({ posts: 2, pages: 1, comments: 5 });
    expect(report.ignored).toEqual({ attachment: 1 });

    const post = await db.post.findUniqueOrThrow({
      where: { id: await localId("wordpress", "post", `${SITE}?p=123`) },
      include: { labels: true },
    });
    expect(post).toMatchObject({
      slug: "around-taiwan",
      title: "Around Taiwan in 9 days 🚲",
      status: "published",
      byline: "jo",
      publishedAt: new Date("2024-06-19T02:00:00Z"),
    });
    expect(post.labels.map((label) => label.name).sort()).toEqual(["Tours", "台湾"]);
    const body = post.bodyMarkdown;
    // Blank lines were paragraphs on WordPress (wpautop): they stay paragraphs.
    expect(body).toMatch(
      /^Day one was wet\. \[The route\]\(https:\/\/example\.org\/route\.gpx\) is here\.\n\n/,
    );
    expect(body).toContain("![East coast](https://slowcycling.example/wp-content/uploads/2024/06/coast.jpg)");
    expect(body).toMatch(/\| Day \| km +\|/);
    // The link lost its javascript: address, so it is only its text now.
    expect(body).toMatch(/\nhover עברית 中文$/);
    for (const hostile of ["object", "swf", "javascript:", "onmouseover", "steal"])
      expect(body).not.toContain(hostile);

    const draft = await db.post.findUniqueOrThrow({
      where: { id: await localId("wordpress", "post", `${SITE}?p=130`) },
    });
    expect(draft).toMatchObject({ status: "draft", slug: "fixing-a-puncture", publishedAt: null });
    const page = await db.page.findUniqueOrThrow({
      where: { id: await localId("wordpress", "page", `${SITE}?p=2`) },
    });
    expect(page).toMatchObject({ slug: "about", bodyMarkdown: "I ride slowly." });
  });

  it("nests comments by comment_parent and skips spam, trash and pingbacks, saying why", async () => {
    const report = await runImport(fixture("wordpress.xml"));
    // The held comment (next test) is a thread of its own.
    const rows = (await commentsOf(await localId("wordpress", "post", `${SITE}?p=123`))).filter(
      (row) => row.authorName !== "Visitor",
    );
    expect(rows.map((row) => [row.authorName, row.depth, row.body])).toEqual([
      ["Kenji", 0, "Which bike did you take?"],
      ["Jo Rider", 1, "A steel tourer.\n\nOld but reliable."],
      ["Anonymous", 2, "我也想骑一次！ ما أجمل ذلك"],
      ["Kenji", 3, "Noted 🙌 — four levels!"],
    ]);
    const [first, second, third, fourth] = rows;
    expect(second).toMatchObject({ parentId: first.id, rootId: first.id });
    expect(third).toMatchObject({ parentId: second.id, rootId: first.id });
    expect(fourth).toMatchObject({ parentId: third.id, rootId: first.id });
    expect(rows.every((row) => row.authorId === null)).toBe(true);
    // No address of a commenter is kept anywhere.
    expect(JSON.stringify(rows)).not.toContain("kenji@example.jp");
    expect(report.skipped.map((line) => [line.sourceId, line.reason])).toEqual([
      [`${SITE}#comment-16`, "spam (--include-spam imports it as removed)"],
      [`${SITE}#comment-17`, "in the trash (--include-spam imports it as removed)"],
      [`${SITE}#comment-18`, "a pingback or trackback, not a comment"],
    ]);
  });

  it("imports a comment held for review as held, shown to moderators in the Held queue only", async () => {
    const report = await runImport(fixture("wordpress.xml"));
    expect(report.imported.comments).toBe(5);
    const postId = await localId("wordpress", "post", `${SITE}?p=123`);
    const held = await db.comment.findUniqueOrThrow({
      where: { id: await localId("wordpress", "comment", `${SITE}#comment-15`) },
      select: { status: true, heldReasons: true, authorName: true },
    });
    expect(held).toMatchObject({ status: "held", authorName: "Visitor" });
    expect(parseHoldReasons(held.heldReasons)).toEqual(["imported"]);
    const moderator = await createUser({ role: "moderator" });
    const queue = await getHeldQueue({ id: moderator.id, role: "moderator", banned: false });
    expect(queue?.comments.find((comment) => comment.authorName === "Visitor")?.reasons).toEqual([
      "imported",
    ]);
    // Readers' counts leave it out until a moderator approves it.
    const { posts } = await getPublishedPosts({ page: 1, perPage: 100 });
    expect(posts.find((listed) => listed.id === postId)?.commentCount).toBe(4);
  });

  it("keeps /?p=<id> and the dated permalink as redirects", async () => {
    await runImport(fixture("wordpress.xml"));
    const postId = await localId("wordpress", "post", `${SITE}?p=123`);
    const paths = await db.postRedirect.findMany({
      where: { postId },
      select: { path: true },
      orderBy: { path: "asc" },
    });
    // Stored as the lookup sees them: Next drops the trailing slash first.
    expect(paths.map((row) => row.path)).toEqual(["/2024/06/19/around-taiwan", "/?p=123"]);
    expect(await getRedirectTarget("/?p=123")).toBe("/2024/06/around-taiwan");
    expect(await getRedirectTarget("/2024/06/19/around-taiwan")).toBe("/2024/06/around-taiwan");
    // A draft has no public address to lead to.
    expect(await getRedirectTarget("/?p=130")).toBeNull();
  });

  it("reads WXR 1.1 too", async () => {
    const file = tempFile(
      "wxr-1.1.xml",
      `<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><wp:base_blog_url>https://old.example</wp:base_blog_url>
<item><title>Old one</title><content:encoded><![CDATA[<p>Hi</p>]]></content:encoded><wp:post_id>9</wp:post_id><wp:post_date_gmt>2012-03-04 05:06:07</wp:post_date_gmt><wp:post_name>old-one</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
</channel></rss>`,
    );
    const report = await runImport(file);
    expect(report.imported.posts).toBe(1);
    const post = await db.post.findUniqueOrThrow({
      where: { id: await localId("wordpress", "post", "https://old.example?p=9") },
    });
    expect(post).toMatchObject({
      slug: "old-one",
      bodyMarkdown: "Hi",
      publishedAt: new Date("2012-03-04T05:06:07Z"),
    });
  });
});
