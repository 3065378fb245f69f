import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mapLink, parseUrlMapping } from "@/lib/import/disqus";
import { bloggerFeed, postEntry } from "@/tests/support/blogger-file";
import { commentsOf, fixture, localId, resetImports, runImport, tempFile } from "@/tests/support/imports";

const GARDEN = "disqus-garden";
const MAP = [parseUrlMapping("http://old.example/archives/=https://blog.example/2024/05/")];

let lateNight: number;
let garden: number;
let taiwan: number;

beforeEach(async () => {
  await resetImports();
  // Replies hold their parents: let go first, then the post takes its comments.
  await db.comment.updateMany({ where: { post: { slug: GARDEN } }, data: { parentId: null } });
  await db.post.deleteMany({ where: { slug: GARDEN } });
  // The posts the threads were about: imported from Blogger (its old June path is kept
  // as a redirect), from WordPress (found by Disqus's identifier), and one written here.
  const blogger = tempFile(
    "late.xml",
    bloggerFeed([postEntry({ id: "1", slug: "late-night", published: "2024-06-30T23:30:00.000-07:00" })]),
  );
  await runImport(blogger);
  await runImport(fixture("wordpress.xml"));
  lateNight = await localId("blogger", "post", "tag:blogger.com,1999:blog-99.post-1");
  taiwan = (await db.post.findFirstOrThrow({ where: { slug: "around-taiwan" }, select: { id: true } })).id;
  garden = (
    await db.post.create({
      data: {
        slug: GARDEN,
        title: "The garden",
        bodyMarkdown: "Soil.",
        status: "published",
        publishedAt: new Date("2024-05-10T06:00:00Z"),
      },
      select: { id: true },
    })
  ).id;
});

describe("Disqus export", () => {
  it("matches threads to posts and keeps the nesting, authors, tombstones and text", async () => {
    const report = await runImport(fixture("disqus.xml"), { mappings: MAP });
    expect(report.format).toBe("Disqus export");
    expect(report.failed).toEqual([]);
    expect(report.imported).toMatchObject({ posts: 0, comments: 14 });

    const rows = await commentsOf(lateNight);
    const by = (name: string) => rows.filter((row) => row.authorName === name);
    expect(rows.every((row) => row.authorId === null)).toBe(true);
    const [aisha, civil] = by("Aisha");
    const [anonymous] = by("Anonymous");
    const [chen] = by("陈小明");
    const [layla] = by("ليلى");
    const [ravi] = by("Ravi");
    expect(aisha).toMatchObject({
      parentId: null,
      depth: 0,
      body: "Congratulations! See my move (https://aisha.example/).",
    });
    expect(anonymous).toMatchObject({ parentId: aisha.id, rootId: aisha.id, depth: 1 });
    expect(chen).toMatchObject({ parentId: anonymous.id, depth: 2, body: "三百令吉，还算便宜。" });
    expect(layla).toMatchObject({ parentId: chen.id, depth: 3, body: "مبروك على البيت الجديد" });
    expect(ravi).toMatchObject({
      parentId: layla.id,
      rootId: aisha.id,
      depth: 4,
      body: "🎉🎉 Deepest reply here 👍🏽",
    });
    expect(ravi.createdAt).toEqual(new Date("2024-07-01T08:40:00Z"));

    // Deleted in Disqus: a tombstone, its reply kept under it.
    const [troll] = by("Troll");
    expect(troll).toMatchObject({ depth: 0, deletedReason: "moderator" });
    expect(troll.deletedAt).not.toBeNull();
    expect(civil).toMatchObject({ parentId: troll.id, depth: 1, deletedAt: null });

    const [mallory] = by("Mallory");
    for (const hostile of [
      "script",
      "alert",
      "cookie",
      "steal",
      "javascript:",
      "iframe",
      "evil.example",
      "display",
    ])
      expect(mallory.body).not.toContain(hostile);
    expect(mallory.body).toContain("Bold claim, click");
    expect(mallory.body).toContain("table (https://example.org/table)");

    // A reply read before its parent (further down the file) is still nested under it.
    const [meiLing] = by("Mei Ling");
    const [early, orphan] = [...by("Tom")].sort((a, b) => b.id - a.id);
    expect(meiLing.body).toBe("The map link is in the post, second paragraph.\nשלום!");
    expect(early).toMatchObject({ parentId: meiLing.id, depth: 1 });
    expect(orphan).toMatchObject({ parentId: null, depth: 0 });
    expect(by("Spammer")).toEqual([]);

    expect(report.warnings).toEqual([
      expect.objectContaining({
        sourceId: "9010",
        reason: expect.stringMatching(/parent 8999 is not in the import/),
      }),
    ]);
    const skipped = report.skipped.map((line) => `${line.what} ${line.sourceId}: ${line.reason}`);
    expect(skipped).toEqual([
      expect.stringMatching(
        /^thread 7004: https:\/\/elsewhere\.example\/nowhere\/ matches no post here; its comment was not imported/,
      ),
      expect.stringMatching(/^comment 9005: duplicate id; first at .*disqus\.xml:\d+:\d+$/),
      expect.stringMatching(/^comment 9009: spam/),
    ]);
    expect(report.ignored).toEqual({ category: 1, "thread without comments": 1 });

    // Through --map, and through the identifier WordPress's plugin wrote.
    const gardenRows = await commentsOf(garden);
    expect(gardenRows.map((row) => [row.authorName, row.depth, row.body])).toEqual([
      ["green_thumb", 0, "Tomatoes first, then chillies."],
      ["Anonymous", 1, "And basil!"],
    ]);
    expect((await commentsOf(taiwan)).filter((row) => row.authorName === "Cyclist")).toHaveLength(1);
  });

  it("reports the thread unmatched without its --map, and imports nothing twice", async () => {
    const first = await runImport(fixture("disqus.xml"));
    expect(first.skipped.map((line) => line.sourceId)).toContain("7002");
    expect(first.imported.comments).toBe(12);

    const again = await runImport(fixture("disqus.xml"), { mappings: MAP });
    expect(again.imported.comments).toBe(2);
    expect(again.unchanged.comments).toBe(12);
    const third = await runImport(fixture("disqus.xml"), { mappings: MAP });
    expect(third.imported.comments).toBe(0);
    expect(third.unchanged.comments).toBe(14);
    expect(third.warnings).toEqual([]);
    expect(await db.comment.count({ where: { postId: lateNight } })).toBe(11);
  });

  it("imports spam as removed with --include-spam, and writes nothing on a dry run", async () => {
    const dry = await runImport(fixture("disqus.xml"), { mappings: MAP, dryRun: true, includeSpam: true });
    expect(dry.imported.comments).toBe(15);
    expect(dry.warnings).toHaveLength(1);
    expect(await db.comment.count({ where: { postId: lateNight } })).toBe(0);

    await runImport(fixture("disqus.xml"), { mappings: MAP, includeSpam: true });
    const [spam] = (await commentsOf(lateNight)).filter((row) => row.authorName === "Spammer");
    expect(spam).toMatchObject({ deletedReason: "moderator" });
  });

  it("refuses a DOCTYPE in a Disqus file like any other", async () => {
    const file = tempFile(
      "dtd.xml",
      `<?xml version="1.0"?><!DOCTYPE disqus [<!ENTITY x "y">]><disqus xmlns="http://disqus.com"></disqus>`,
    );
    await expect(runImport(file)).rejects.toThrow(/DOCTYPE/);
  });
});

describe("--map", () => {
  it("rewrites by the longest matching prefix and refuses a mapping without '='", () => {
    const mappings = [
      parseUrlMapping("http://a.example/=https://b.example/"),
      parseUrlMapping("http://a.example/blog/=https://c.example/"),
    ];
    expect(mapLink("http://a.example/blog/x", mappings)).toBe("https://c.example/x");
    expect(mapLink("http://a.example/y", mappings)).toBe("https://b.example/y");
    expect(mapLink("http://z.example/y", mappings)).toBe("http://z.example/y");
    expect(() => parseUrlMapping("nothing")).toThrow(/old-prefix=new-prefix/);
  });
});
