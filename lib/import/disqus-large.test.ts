import { beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPost } from "@/tests/support/factories";
import { resetImports, runImport, tempFile } from "@/tests/support/imports";
import { seededRandom } from "@/scripts/lib/seeded-random";

beforeEach(resetImports);

const THREADS = 12;
const COMMENTS = 3_000;

/**
 * Threads interleaved as Disqus writes them (comments in time order across all threads),
 * replies to random earlier comments of their thread, and every 50th reply written
 * before its parent: more than 500 comments, so parents sit in earlier batches.
 */
function disqusFile(slugs: string[]): { xml: string; parents: Map<string, string | null> } {
  const random = seededRandom(27);
  const threads = slugs.map(
    (slug, t) =>
      `<thread dsq:id="t${t}"><id>${slug}</id><link>https://blog.example/2024/06/${slug}</link><title>T</title></thread>`,
  );
  const perThread: string[][] = slugs.map(() => []);
  const parents = new Map<string, string | null>();
  const posts: string[] = [];
  for (let c = 0; c < COMMENTS; c++) {
    const t = c % THREADS;
    const earlier = perThread[t];
    const parent = earlier.length > 0 && random(10) < 8 ? earlier[random(earlier.length)] : null;
    const id = `${c + 1}`;
    parents.set(id, parent);
    earlier.push(id);
    const minute = new Date(Date.UTC(2024, 6, 1) + c * 60_000).toISOString();
    posts.push(
      `<post dsq:id="${id}"><message><![CDATA[<p>Comment ${id} 评论 👍</p>]]></message><createdAt>${minute}</createdAt>` +
        `<isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>R${id}</name><isAnonymous>false</isAnonymous></author>` +
        `<thread dsq:id="t${t}"/>${parent ? `<parent dsq:id="${parent}"/>` : ""}</post>`,
    );
  }
  // Move every 50th reply to the front of the posts: read before its parent.
  const early = posts.filter((_, i) => i % 50 === 49 && parents.get(`${i + 1}`));
  const rest = posts.filter((post) => !early.includes(post));
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
${threads.join("\n")}
${[...early, ...rest].join("\n")}
</disqus>`;
  return { xml, parents };
}

it(
  `imports ${COMMENTS} interleaved comments in batches with every reply under its parent`,
  { timeout: 300_000 },
  async () => {
    const posts = await Promise.all(
      Array.from({ length: THREADS }, (_, t) =>
        createPost({ publishedAt: new Date(`2024-06-${String(10 + t).padStart(2, "0")}T06:00:00Z`) }),
      ),
    );
    const { xml, parents } = disqusFile(posts.map((post) => post.slug));
    const file = tempFile("disqus-large.xml", xml);

    const report = await runImport(file);
    expect(report.failed).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.imported.comments).toBe(COMMENTS);

    const items = await db.importedItem.findMany({
      where: { source: "disqus", kind: "comment" },
      select: { sourceId: true, localId: true },
    });
    const localOf = new Map(items.map((item) => [item.sourceId, item.localId]));
    const rows = await db.comment.findMany({
      where: { id: { in: [...localOf.values()] } },
      select: { id: true, parentId: true, rootId: true, depth: true, postId: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const [sourceId, parent] of parents) {
      const row = byId.get(localOf.get(sourceId)!)!;
      const parentRow = parent ? byId.get(localOf.get(parent)!)! : null;
      expect(row.parentId).toBe(parentRow?.id ?? null);
      if (parentRow) {
        expect(row.rootId).toBe(parentRow.rootId ?? parentRow.id);
        expect(row.depth).toBe(parentRow.depth + 1);
        expect(row.postId).toBe(parentRow.postId);
      } else expect(row.depth).toBe(0);
    }

    const again = await runImport(file);
    expect(again.imported.comments).toBe(0);
    expect(again.unchanged.comments).toBe(COMMENTS);
  },
);
