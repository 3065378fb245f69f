import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { bloggerFeed, commentEntry, postEntry } from "@/tests/support/blogger-file";
import { seededRandom } from "@/scripts/lib/seeded-random";

/**
 * Writes a Blogger backup of `posts` posts with `commentsPerPost` comments each, as the
 * legacy export lays them out (every post first, then the comments), streamed to disk.
 * Each comment replies to a random earlier comment of its post (or to none), so threads
 * run deep; a fixed seed makes the file the same every time.
 */
export async function writeLargeBloggerExport(
  file: string,
  posts: number,
  commentsPerPost: number,
): Promise<void> {
  const random = seededRandom(12);
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const [head, tail] = bloggerFeed(["\u0000"]).split("\u0000");
  await write(head);
  for (let p = 1; p <= posts; p++)
    await write(
      postEntry({
        id: `${p}`,
        slug: `large-${p}`,
        body: `<p>Post ${p} with <b>some</b> text.</p>`.repeat(20),
      }),
    );
  let id = 1_000_000;
  for (let p = 1; p <= posts; p++) {
    const first = id;
    for (let c = 0; c < commentsPerPost; c++, id++) {
      const parent = c > 0 && random(10) < 7 ? first + random(c) : null;
      const minute = String(c % 60).padStart(2, "0");
      await write(
        commentEntry({
          id: `${id}`,
          post: `${p}`,
          parent: parent === null ? undefined : `${parent}`,
          published: `2024-07-${String(1 + (Math.floor(c / 1440) % 28)).padStart(2, "0")}T${String(Math.floor(c / 60) % 24).padStart(2, "0")}:${minute}:00Z`,
          body: `<p>Comment ${id} — 评论 — تعليق 👍</p>`,
        }),
      );
    }
  }
  await write(tail);
  out.end();
  await once(out, "finish");
}
