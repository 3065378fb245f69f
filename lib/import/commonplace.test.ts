import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "@/lib/import/run";
import { exportToFile } from "@/tests/support/exports";
import { freshDatabase } from "@/tests/support/fresh-database";
import { tempFile } from "@/tests/support/imports";
import { buildSampleBlog } from "@/tests/support/sample-blog";

let source: Awaited<ReturnType<typeof freshDatabase>>;
let target: Awaited<ReturnType<typeof freshDatabase>>;
let good: string[];

beforeAll(async () => {
  source = await freshDatabase("json-source");
  target = await freshDatabase("json-target");
  await buildSampleBlog(source.db);
  good = readFileSync(await exportToFile(source.db, "json"), "utf8")
    .trimEnd()
    .split("\n");
});

afterAll(async () => {
  await source?.drop();
  await target?.drop();
});

async function refused(lines: string[], message: RegExp, line: number) {
  const file = tempFile("blog.jsonl", `${lines.join("\n")}\n`);
  const error = await importFile({ file, db: target.db }).catch((caught: unknown) => caught);
  expect(error).toMatchObject({ name: "ImportError", position: { line } });
  expect((error as Error).message).toMatch(message);
  // Refused by the first pass: nothing written.
  expect(await target.db.post.count()).toBe(0);
  expect(await target.db.label.count()).toBe(0);
}

describe("Commonplace JSON import refuses a broken file before writing anything", () => {
  it("a file cut short (no end record)", () => refused(good.slice(0, -2), /cut short/, good.length - 2));
  it("a line that is not JSON", () =>
    refused([...good.slice(0, 3), "{not json", ...good.slice(3)], /Not JSON/, 4));
  it("a record of the wrong shape, naming the field", () => {
    const post = good.findIndex((line) => line.includes('"type":"post"'));
    const broken = good.map((line, index) =>
      index === post ? line.replace('"status":"published"', '"status":"gone"') : line,
    );
    return refused(broken, /status/, post + 1);
  });
  it("a comment away from its post", () => {
    const comment = good.findIndex((line) => line.includes('"type":"comment"'));
    const moved = [...good];
    const [line] = moved.splice(comment, 1);
    moved.splice(2, 0, line);
    return refused(moved, /not after its post/, 3);
  });
  it("end counts that do not match", () =>
    refused(
      [...good.slice(0, -1), good.at(-1)!.replace('"posts":2', '"posts":3')],
      /counts 3 posts/,
      good.length,
    ));
  it("a header of another format or version", () =>
    refused([good[0].replace('"version":1', '"version":2'), ...good.slice(1)], /version 1/, 1));
});

describe("dry run", () => {
  it("reports what it would import and writes nothing", async () => {
    const file = tempFile("blog.jsonl", `${good.join("\n")}\n`);
    const seen: number[] = [];
    const report = await importFile({
      file,
      db: target.db,
      dryRun: true,
      onProgress: (done) => seen.push(done),
    });
    expect(report.imported).toMatchObject({ posts: 2, pages: 2, comments: 8 });
    expect(seen.at(-1)).toBe(12);
    expect(await target.db.post.count()).toBe(0);
    expect(await target.db.importedItem.count()).toBe(0);
  });
});

describe("big threads", () => {
  it("exports a post's comments across read batches, each once and in order", async () => {
    const post = await source.db.post.create({
      data: { slug: "busy", title: "Busy", bodyMarkdown: "x", status: "published", publishedAt: new Date() },
      select: { id: true },
    });
    for (let start = 0; start < 2_500; start += 500)
      await source.db.comment.createMany({
        data: Array.from({ length: 500 }, (_, index) => ({
          postId: post.id,
          authorName: "Reader",
          body: `Comment ${start + index}`,
        })),
      });
    const records = readFileSync(await exportToFile(source.db, "json"), "utf8")
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    const bodies = records
      .filter((record) => record.type === "comment" && record.post === `post/${post.id}@https://blog.example`)
      .map((record) => record.body);
    expect(bodies).toEqual(Array.from({ length: 2_500 }, (_, index) => `Comment ${index}`));
    expect(records.find((record) => record.id === `post/${post.id}@https://blog.example`).comments).toBe(
      2_500,
    );
  });
});
