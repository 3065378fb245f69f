import { rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetImports, runImport } from "@/tests/support/imports";
import { writeLargeBloggerExport } from "@/tests/support/large-export";

beforeEach(resetImports);

const file = path.join(tmpdir(), `commonplace-large-${process.pid}.xml`);
afterEach(() => rmSync(file, { force: true }));

const POSTS = 200;
const COMMENTS_PER_POST = 100;

// A figure to read, not a timed assertion: the machine is shared, times vary.
it(
  `imports ${POSTS * COMMENTS_PER_POST} comments with every thread position right, and prints time and peak memory`,
  { timeout: 600_000 },
  async () => {
    await writeLargeBloggerExport(file, POSTS, COMMENTS_PER_POST);
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const report = await runImport(file);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    expect(report.failed).toEqual([]);
    expect(report.imported).toMatchObject({ posts: POSTS, comments: POSTS * COMMENTS_PER_POST });
    const postIds = (
      await db.importedItem.findMany({ where: { kind: "post" }, select: { localId: true } })
    ).map((row) => row.localId);
    const rows = await db.comment.findMany({
      where: { postId: { in: postIds } },
      select: { id: true, parentId: true, rootId: true, depth: true, postId: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const row of rows) {
      const parent = row.parentId === null ? null : byId.get(row.parentId)!;
      expect(
        parent
          ? { rootId: parent.rootId ?? parent.id, depth: parent.depth + 1, postId: parent.postId }
          : { rootId: null, depth: 0, postId: row.postId },
      ).toEqual({
        rootId: row.rootId,
        depth: row.depth,
        postId: row.postId,
      });
    }
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      `import of ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB (${POSTS} posts, ${rows.length} comments, deepest ${Math.max(...rows.map((row) => row.depth))}): ` +
        `${seconds.toFixed(1)} s, ${(rows.length / seconds).toFixed(0)} comments/s; RSS ${mb(rssBefore)} MB before, peak ${mb(peakRss)} MB`,
    );
  },
);
