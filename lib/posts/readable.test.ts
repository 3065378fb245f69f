import { describe, expect, it } from "vitest";
import { getLiveComment } from "@/lib/data/comments";
import { db } from "@/lib/db";
import { createComments, createPost } from "@/tests/support/factories";
import { asReadable, postState, publicPath, readableNow, readableNowSql } from "./readable";

const HOUR = 3_600_000;
const at = new Date("2025-03-10T04:00:00Z");
const later = new Date(at.getTime() + 2 * HOUR);
const scheduledFor = new Date(at.getTime() + HOUR);

describe("postState and publicPath", () => {
  it("a scheduled post is not readable until its time, then is", () => {
    const post = { slug: "soon", status: "published", publishedAt: scheduledFor };
    expect(postState(post, at)).toBe("scheduled");
    expect(publicPath(post, at)).toBeNull();
    expect(postState(post, later)).toBe("published");
    expect(publicPath(post, later)).toBe("/2025/03/soon");
    // Exactly at its time it is readable (publishedAt <= now).
    expect(postState(post, scheduledFor)).toBe("published");
  });

  it("a draft is never readable, whatever its date", () => {
    for (const publishedAt of [null, new Date(0), scheduledFor]) {
      const draft = { slug: "draft", status: "draft", publishedAt };
      expect(postState(draft, later)).toBe("draft");
      expect(publicPath(draft, later)).toBeNull();
    }
    expect(postState({ status: "published", publishedAt: null }, later)).toBe("draft");
  });

  it("asReadable refuses a row without a date (a query that skipped the rule)", () => {
    expect(() => asReadable({ publishedAt: null })).toThrow();
    expect(asReadable({ publishedAt: at }).publishedAt).toBe(at);
  });
});

describe("readableNow and readableNowSql agree with postState in the database", () => {
  it("select the same posts before and after a scheduled time", async () => {
    const posts = await Promise.all([
      createPost({ publishedAt: new Date(at.getTime() - HOUR) }),
      createPost({ publishedAt: scheduledFor }),
      createPost({ status: "draft", publishedAt: new Date(at.getTime() - HOUR) }),
      createPost({ status: "draft", publishedAt: null }),
    ]);
    const ids = posts.map((post) => post.id);
    const [published, scheduled] = ids;

    for (const [now, expected] of [
      [at, [published]],
      // Created in parallel: on PostgreSQL (a pool) the ids need not follow the list.
      [later, [published, scheduled].sort((a, b) => a - b)],
    ] as const) {
      const viaPrisma = await db.post.findMany({
        where: { id: { in: ids }, ...readableNow(now) },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      const viaSql = await db.$queryRaw<{ id: number | bigint }[]>`
        SELECT p."id" AS id FROM "Post" p WHERE p."id" IN (${ids[0]}, ${ids[1]}, ${ids[2]}, ${ids[3]})
          AND ${readableNowSql("p", now)} ORDER BY p."id"`;
      const rows = await db.post.findMany({
        where: { id: { in: ids } },
        select: { id: true, status: true, publishedAt: true },
        orderBy: { id: "asc" },
      });
      expect(viaPrisma.map((row) => row.id)).toEqual(expected);
      expect(viaSql.map((row) => Number(row.id))).toEqual(expected);
      expect(rows.filter((row) => postState(row, now) === "published").map((row) => row.id)).toEqual(
        expected,
      );
    }
  });

  it("refuses an alias that is not a plain identifier", () => {
    expect(() => readableNowSql('p"; DROP TABLE "Post"; --')).toThrow();
  });
});

describe("comments of posts readers cannot reach", () => {
  it("getLiveComment answers null for a draft, even one with a past date", async () => {
    const draft = await createPost({ status: "draft", publishedAt: new Date(Date.now() - HOUR) });
    const scheduled = await createPost({ publishedAt: new Date(Date.now() + HOUR) });
    const published = await createPost();
    const [onDraft] = await createComments(draft.id, [{}]);
    const [onScheduled] = await createComments(scheduled.id, [{}]);
    const [onPublished] = await createComments(published.id, [{}]);
    expect(await getLiveComment(onDraft)).toBeNull();
    expect(await getLiveComment(onScheduled)).toBeNull();
    expect(await getLiveComment(onPublished)).toMatchObject({ id: onPublished, postId: published.id });
  });
});
