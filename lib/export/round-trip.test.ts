import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "@/lib/db/client";
import { importFile } from "@/lib/import/run";
import { blogShape, exportToFile } from "@/tests/support/exports";
import { freshDatabase } from "@/tests/support/fresh-database";
import { buildSampleBlog, createImporter } from "@/tests/support/sample-blog";

/**
 * Export → import into an empty database → export again. The source is a database of its
 * own (not the worker's, which other files fill), so the files hold exactly the sample blog.
 */
let source: Awaited<ReturnType<typeof freshDatabase>>;
const targets: Awaited<ReturnType<typeof freshDatabase>>[] = [];

beforeAll(async () => {
  source = await freshDatabase("export-source");
  await buildSampleBlog(source.db);
});

afterAll(async () => {
  await source?.drop();
  for (const target of targets) await target.drop();
});

async function emptyTarget(name: string) {
  const target = await freshDatabase(name);
  targets.push(target);
  const importer = await createImporter(target.db);
  return { db: target.db, authorId: importer.id };
}

const lines = (file: string) => readFileSync(file, "utf8").trimEnd().split("\n");

async function moveInto(name: string, file: string): Promise<DbClient> {
  const target = await emptyTarget(name);
  const report = await importFile({ file, db: target.db, authorId: target.authorId });
  expect(report.failed).toEqual([]);
  return target.db;
}

describe("Commonplace JSON", () => {
  it("round-trips exactly: the second export equals the first but for the header's date", async () => {
    const first = await exportToFile(source.db, "json");
    const target = await emptyTarget("export-json");
    const report = await importFile({ file: first, db: target.db, authorId: target.authorId });
    expect(report.format).toBe("Commonplace JSON");
    expect(report.imported).toEqual({ posts: 2, pages: 2, comments: 8, redirects: 1 });
    expect([...report.failed, ...report.warnings, ...report.skipped]).toEqual([]);

    const second = await exportToFile(target.db, "json");
    // Ids are the first blog's (each item's id travels with it), dates and counts as
    // they were: only the header differs, and not even that here (same site, fixed date).
    expect(lines(second)).toEqual(lines(first));

    // The same file again changes nothing.
    const again = await importFile({ file: first, db: target.db });
    expect(again.imported).toEqual({ posts: 0, pages: 0, comments: 0, redirects: 0 });
    expect(again.unchanged).toEqual({ posts: 2, pages: 2, comments: 8 });
    expect(lines(await exportToFile(target.db, "json"))).toEqual(lines(first));
  });

  it("keeps Markdown, deletion fields, held reasons, counts and old addresses as they are", async () => {
    const records = lines(await exportToFile(source.db, "json")).map((line) => JSON.parse(line));
    const post = records.find((record) => record.type === "post" && record.slug === "laksa-properly");
    expect(post).toMatchObject({
      viewCount: 1234,
      shareCount: 56,
      labels: ["recipes", "中文"],
      redirects: ["/2023/01/old-laksa"],
      author: "Hana Author",
      comments: 8,
      publishedAt: "2024-05-02T10:00:00.000Z",
    });
    expect(post.bodyMarkdown).toContain("| Mackerel | Torch ginger |");
    const comments = records.filter((record) => record.type === "comment");
    const removed = comments.find((comment) => comment.deletedReason === "author");
    const reply = comments.find((comment) => comment.body === "Replying to the removed one");
    expect(reply.parent).toBe(removed.id);
    expect(comments.find((comment) => comment.status === "held").heldReasons).toEqual([
      "links",
      "new-account",
    ]);
    expect(comments.find((comment) => comment.deletionNote === "Spam.").deletedReason).toBe("moderator");
    expect(records.at(-1)).toEqual({ type: "end", labels: 3, pages: 2, posts: 2, comments: 8 });
  });
});

describe("no secrets in any format", () => {
  for (const format of ["json", "wxr", "blogger"] as const)
    it(`${format}: no password hash ever, emails only --with-emails`, async () => {
      const plain = readFileSync(await exportToFile(source.db, format), "utf8");
      expect(plain).not.toMatch(/argon2|passwordHash|secret-hash/);
      expect(plain).not.toContain("@example.test");
      const withEmails = readFileSync(await exportToFile(source.db, format, true), "utf8");
      expect(withEmails).not.toMatch(/argon2|passwordHash|secret-hash/);
      if (format !== "blogger") expect(withEmails).toContain("hana@example.test");
    });
});

describe("into the other importers", () => {
  it("WXR export → the WordPress importer gives the same posts, pages and threads", async () => {
    const file = await exportToFile(source.db, "wxr");
    const text = readFileSync(file, "utf8");
    expect(text).toContain("<wp:wxr_version>1.2</wp:wxr_version>");
    // The words of removed comments stay out of files meant for other engines.
    expect(text).not.toContain("我同意");
    expect(text).not.toContain("buy now");
    const target = await moveInto("export-wxr", file);
    expect(await blogShape(target)).toEqual(await blogShape(source.db));
  });

  it("Blogger export → the Blogger importer gives the same posts, pages and threads", async () => {
    const file = await exportToFile(source.db, "blogger");
    expect(readFileSync(file, "utf8")).not.toContain("我同意");
    const target = await moveInto("export-blogger", file);
    // Blogger gives a draft no address yet: its slug is made anew from the title.
    expect(await blogShape(target, { draftSlugs: false })).toEqual(
      await blogShape(source.db, { draftSlugs: false }),
    );
  });
});
