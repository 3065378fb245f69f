import { beforeEach, describe, expect, it } from "vitest";
import { buildCommentTree } from "@/lib/comments/tree";
import { db } from "@/lib/db";
import { getPublishedPosts, getRedirectTarget } from "@/lib/data/posts";
import { searchComments, searchPosts } from "@/lib/data/search";
import { bloggerFeed, postEntry } from "@/tests/support/blogger-file";
import { commentsOf, fixture, localId, resetImports, runImport, tempFile } from "@/tests/support/imports";

beforeEach(resetImports);

const LEGACY = "tag:blogger.com,1999:blog-7001";
const TAKEOUT = "tag:blogger.com,1999:blog-8002";

describe("Blogger legacy backup", () => {
  it("imports posts, drafts, pages and labels, with the body as sanitized Markdown", async () => {
    const report = await runImport(fixture("blogger-legacy.xml"));
    expect(report.format).toBe("Blogger backup (Atom)");
    expect(report.failed).toEqual([]);
    // Its Blogger path is its path here too (next.config.ts drops ".html"): no redirect needed.
    expect(report.imported).toMatchObject({ posts: 2, pages: 1, comments: 8, redirects: 0 });
    expect(report.ignored).toEqual({ settings: 1 });

    const post = await db.post.findUniqueOrThrow({
      where: { id: await localId("blogger", "post", `${LEGACY}.post-100`) },
      include: { labels: { orderBy: { name: "asc" } } },
    });
    expect(post).toMatchObject({
      slug: "moving-day",
      title: "Moving day 搬家 🚚",
      status: "published",
      byline: "Mei Ling",
      authorId: null,
      publishedAt: new Date("2024-06-19T02:00:00.000Z"),
    });
    expect(post.labels.map((label) => label.name)).toEqual(["Travel", "旅行"]);
    const body = post.bodyMarkdown;
    expect(body).toContain("[the map](https://example.org/map)");
    expect(body).toContain("![The new house](https://blogger.googleusercontent.com/img/a/house.jpg)");
    expect(body).toMatch(/\| Item \| RM +\|/);
    expect(body).toContain("**so far**");
    expect(body).toContain("שלום עליכם");
    for (const hostile of ["script", "alert", "onclick", "steal", "javascript:", "iframe", "evil.example"])
      expect(body).not.toContain(hostile);

    const draft = await db.post.findUniqueOrThrow({
      where: { id: await localId("blogger", "post", `${LEGACY}.post-101`) },
    });
    expect(draft).toMatchObject({ status: "draft", title: "Half-written: the garden" });
    expect(draft.bodyMarkdown).toMatch(/Tomatoes first\.\\?\nThen chillies\./);

    const page = await db.page.findUniqueOrThrow({
      where: { id: await localId("blogger", "page", `${LEGACY}.page-200`) },
    });
    expect(page).toMatchObject({
      slug: "about",
      title: "About",
      published: true,
      bodyMarkdown: "Hello, I am _Mei Ling_.",
    });
  });

  it("keeps the threads: nesting, anonymous authors, a removed comment with its reply, a lost parent", async () => {
    const report = await runImport(fixture("blogger-legacy.xml"));
    const postId = await localId("blogger", "post", `${LEGACY}.post-100`);
    const rows = await commentsOf(postId);
    const byAuthor = (name: string) => rows.filter((row) => row.authorName === name);
    expect(rows.every((row) => row.authorId === null)).toBe(true);

    // Aisha → Anonymous → 陈小明 → ليلى → Ravi: four replies deep, stored in file order of the chain.
    const [aisha] = byAuthor("Aisha");
    const [anonymous] = byAuthor("Anonymous");
    const [chen] = byAuthor("陈小明");
    const [layla] = byAuthor("ليلى");
    const [ravi] = byAuthor("Ravi");
    expect(aisha).toMatchObject({ parentId: null, rootId: null, depth: 0 });
    expect(aisha.body).toBe("Congratulations! My move (https://aisha.example/) was worse.");
    expect(anonymous).toMatchObject({ parentId: aisha.id, rootId: aisha.id, depth: 1 });
    expect(chen).toMatchObject({
      parentId: anonymous.id,
      rootId: aisha.id,
      depth: 2,
      body: "三百令吉，还算便宜。",
    });
    expect(layla).toMatchObject({
      parentId: chen.id,
      rootId: aisha.id,
      depth: 3,
      body: "مبروك على البيت الجديد",
    });
    expect(ravi).toMatchObject({
      parentId: layla.id,
      rootId: aisha.id,
      depth: 4,
      body: "🎉🎉 Deepest reply here 👍🏽",
    });

    const [removed] = byAuthor("Spammy Sam");
    expect(removed).toMatchObject({ depth: 0, deletedReason: "moderator" });
    expect(removed.deletedAt).not.toBeNull();
    const reply = byAuthor("Aisha")[1];
    expect(reply).toMatchObject({ parentId: removed.id, rootId: removed.id, depth: 1, deletedAt: null });

    const [orphan] = byAuthor("Tom");
    expect(orphan).toMatchObject({ parentId: null, depth: 0 });
    expect(report.warnings).toEqual([
      expect.objectContaining({
        sourceId: `${LEGACY}.post-5008`,
        reason: expect.stringMatching(/parent .*post-4999 is not in the import/),
      }),
    ]);
    expect(report.warnings[0].at).toMatch(/blogger-legacy\.xml:\d+:\d+$/);

    // The post's comment count (counted from the rows, no stored counter): 8 imported, 1 removed.
    const { posts } = await getPublishedPosts({ page: 1, perPage: 100 });
    expect(posts.find((listed) => listed.id === postId)?.commentCount).toBe(7);

    // The thread as readers get it: the tombstone stays above its live reply.
    const tree = buildCommentTree(
      rows.map((row) => ({
        ...row,
        authorRole: null,
        editedAt: null,
        hidden: false,
        body: row.deletedAt ? null : row.body,
        deleted: row.deletedReason as "moderator" | null,
        likeCount: 0,
      })),
    );
    expect(tree.map((node) => node.authorName)).toEqual(["Aisha", "Spammy Sam", "Tom"]);
    expect(tree[1].replies.map((node) => node.authorName)).toEqual(["Aisha"]);
  });

  it("keeps the old Blogger path as a redirect when the post's address here differs", async () => {
    // Published late on 30 June in California: July in this blog's zone (Asia/Kuala_Lumpur).
    const file = tempFile(
      "zone.xml",
      bloggerFeed([postEntry({ id: "1", slug: "late-night", published: "2024-06-30T23:30:00.000-07:00" })]),
    );
    expect((await runImport(file)).imported.redirects).toBe(1);
    // What the post page looks up once next.config.ts has dropped ".html".
    expect(await getRedirectTarget("/2024/06/late-night")).toBe("/2024/07/late-night");
    expect(await getRedirectTarget("/2024/06/not-imported")).toBeNull();
  });
});

describe("Blogger Takeout feed", () => {
  it("imports live and draft posts and pages, skips trashed posts and spam, keeps deleted comments as tombstones", async () => {
    const report = await runImport(fixture("blogger-takeout.xml"));
    expect(report.format).toBe("Blogger Takeout feed");
    expect(report.failed).toEqual([]);
    expect(report.imported).toMatchObject({ posts: 2, pages: 1, comments: 7, redirects: 1 });
    expect(report.skipped.map((line) => [line.what, line.reason])).toEqual([
      ["post", "status SOFT_TRASHED"],
      ["comment", "spam (--include-spam imports it as removed)"],
    ]);

    const postId = await localId("blogger", "post", `${TAKEOUT}.post-300`);
    const post = await db.post.findUniqueOrThrow({ where: { id: postId }, include: { labels: true } });
    expect(post).toMatchObject({
      slug: "laksa-properly",
      title: "Laksa, properly 叻沙",
      status: "published",
    });
    expect(post.labels.map((label) => label.name).sort()).toEqual(["Malaysian", "Recipes"]);
    expect(post.bodyMarkdown).toContain("## Broth");
    expect(post.bodyMarkdown).toContain("- Mackerel");
    expect(post.bodyMarkdown).toContain("مرحبا 😋");
    for (const hostile of ["onerror", "steal", "style", "display:none"])
      expect(post.bodyMarkdown).not.toContain(hostile);
    // Blogger's "laksa_properly.html" is "laksa-properly" here; the old name still leads to it.
    expect(await getRedirectTarget("/2024/05/laksa_properly")).toBe("/2024/05/laksa-properly");

    const draft = await db.post.findUniqueOrThrow({
      where: { id: await localId("blogger", "post", `${TAKEOUT}.post-301`) },
    });
    expect(draft.status).toBe("draft");
    expect(
      (
        await db.page.findUniqueOrThrow({
          where: { id: await localId("blogger", "page", `${TAKEOUT}.page-900`) },
        })
      ).slug,
    ).toBe("contact");

    const rows = await commentsOf(postId);
    expect(rows.map((row) => [row.authorName, row.depth])).toEqual([
      ["Budi", 0],
      ["Someone", 0],
      ["Anonymous", 1],
      ["Hana", 1],
      ["王芳", 2],
      ["נועה", 3],
      ["Budi", 4],
    ]);
    // The search index's triggers see imported rows like any other.
    expect((await searchPosts("mackerel", { page: 1, perPage: 10 })).hits.map((hit) => hit.id)).toContain(
      postId,
    );
    const commentHits = (await searchComments("kembung", { page: 1, perPage: 10 })).hits;
    expect(commentHits.map((hit) => hit.authorName)).toContain("Anonymous");

    const deleted = rows.find((row) => row.authorName === "Someone")!;
    expect(deleted).toMatchObject({ deletedReason: "author" });
    expect(rows.find((row) => row.authorName === "Hana")).toMatchObject({
      parentId: deleted.id,
      deletedAt: null,
    });
  });

  it("with --include-spam, imports spam as a removed comment readers never see", async () => {
    const report = await runImport(fixture("blogger-takeout.xml"), { includeSpam: true });
    expect(report.imported.comments).toBe(8);
    const rows = await commentsOf(await localId("blogger", "post", `${TAKEOUT}.post-300`));
    expect(rows.find((row) => row.authorName === "Cheap Pills")).toMatchObject({
      deletedReason: "moderator",
    });
  });
});
