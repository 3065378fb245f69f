import { beforeAll, describe, expect, it } from "vitest";
import { buildCommentTree, countLiveComments } from "@/lib/comments/tree";
import { db } from "@/lib/db";
import { getThreadComments } from "@/lib/data/comments";
import { getPostByPermalink } from "@/lib/data/posts";
import { seedDemo } from "./seed-demo";

const SLUG = "n-korea-russia-sign-mutual-defence-deal";

describe("demo seed", () => {
  beforeAll(async () => {
    await seedDemo(db);
    await seedDemo(db); // idempotent: a second run changes nothing
  });

  it("creates the post once, at its Blogger-style permalink", async () => {
    expect(await db.post.count({ where: { slug: SLUG } })).toBe(1);
    const post = await getPostByPermalink("2024", "06", SLUG);
    expect(post).toMatchObject({
      title: "N. Korea, Russia sign mutual defence deal",
      byline: "AFP",
      sourceName: "Free Malaysia Today",
      shareCount: 2,
      standfirst:
        "The pledge of military cooperation was part of a strategic treaty inked during a summit in Pyongyang.",
      path: `/2024/06/${SLUG}`,
    });
    expect(post!.viewCount).toBeGreaterThanOrEqual(61);
    expect(post!.coverImageCaption).toContain("(AP pic)");
    expect(post!.bodyMarkdown.split("\n\n")).toHaveLength(23);
    expect(post!.bodyMarkdown).toMatch(/^SEOUL: Russian president Vladimir Putin signed today/);
    expect(await getPostByPermalink("2024", "07", SLUG)).toBeNull();
    // Through the importer, from seeds/demo/blog.xml.
    expect(
      await db.importedItem.count({ where: { source: "blogger", kind: "post", localId: post!.id } }),
    ).toBe(1);
    expect(
      await db.importedItem.count({ where: { source: "blogger", kind: "comment" } }),
    ).toBeGreaterThanOrEqual(10);
  });

  it("builds the 10-comment thread: 7 top-level, 1 reply under #1, 2 under #6", async () => {
    const post = await db.post.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
    const comments = await getThreadComments(post.id);
    expect(comments).toHaveLength(10);
    expect(countLiveComments(comments)).toBe(10);
    const roots = buildCommentTree(comments);
    expect(roots).toHaveLength(7);
    expect(roots.map((root) => root.replies.length)).toEqual([1, 0, 0, 0, 0, 2, 0]);
    expect(roots[0].body).toBe("");
    expect(roots[0].replies[0].body).toMatch(/^wakakaka, apt description/);
    expect(roots[1].body).toBe("Zelensky is no idiot and no monster.\nBidin Sleely Joe maybe.");
    expect(roots[2].body).toContain("https://x.com/GhostofBPH/status/1803151140684493269\n\nUpdate:");
    expect(roots[3].body).toContain("~~~~~");
    expect(roots[4].body).toContain("Our Take: Well, well, well... look what the cat puked up.");
    expect(roots[5].replies[0].body).toBe(
      "Wakakakaka…\n\nMfer only read warfront news selectively.\n\nNever ever know 声东击西!",
    );
    expect(roots[6].body).toMatch(/To embarrassing to quote fake news to tarnish their logos!$/);
    expect(comments.every((c) => c.authorName === "Anonymous")).toBe(true);
    const times = comments.map((c) => c.createdAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("adds the About page to the Pages navigation", async () => {
    expect(await db.page.findUnique({ where: { slug: "about" }, select: { title: true } })).toEqual({
      title: "About",
    });
  });
});

describe("demo seed over an existing blog", () => {
  it("never overwrites the operator's edits to the demo post or the About page", async () => {
    await seedDemo(db);
    const post = await db.post.update({
      where: { slug: SLUG },
      data: { title: "Edited by the operator", bodyMarkdown: "Rewritten.", status: "draft" },
      select: { id: true },
    });
    await db.page.update({ where: { slug: "about" }, data: { title: "About us", bodyMarkdown: "Ours." } });
    const comments = await db.comment.count({ where: { postId: post.id } });

    await seedDemo(db);

    expect(
      await db.post.findUnique({
        where: { slug: SLUG },
        select: { title: true, bodyMarkdown: true, status: true },
      }),
    ).toEqual({
      title: "Edited by the operator",
      bodyMarkdown: "Rewritten.",
      status: "draft",
    });
    expect(
      await db.page.findUnique({ where: { slug: "about" }, select: { title: true, bodyMarkdown: true } }),
    ).toEqual({
      title: "About us",
      bodyMarkdown: "Ours.",
    });
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(comments);
  });
});

describe("demo seed after the operator removed the demo post", () => {
  it("does not bring it back", async () => {
    await seedDemo(db);
    const post = await db.post.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
    await db.comment.updateMany({ where: { postId: post.id }, data: { parentId: null } });
    await db.post.delete({ where: { id: post.id } });

    await seedDemo(db);

    expect(await db.post.count({ where: { slug: SLUG } })).toBe(0);
    // Later files in this worker may seed again: forget the import, as a fresh database would.
    await db.importedItem.deleteMany({
      where: { source: "blogger", sourceId: { startsWith: "tag:blogger.com,1999:blog-4242424242." } },
    });
    await seedDemo(db);
    expect(await db.post.count({ where: { slug: SLUG } })).toBe(1);
  });
});
