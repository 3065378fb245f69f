import "server-only";
import type { CommentView } from "@/lib/comments/paths";
import { DEFAULT_SORT, type CommentSort } from "@/lib/comments/sort";
import type { ThreadComment } from "@/lib/comments/tree";
import { db, dbProvider } from "@/lib/db";
import { threadCommentSelect, toThreadComment } from "@/lib/data/comments";
import { publishedCommentSql } from "@/lib/data/published-sql";
import type { DatabaseProvider } from "@/lib/db/url";
import { Prisma } from "@/lib/generated/prisma/client";
import { postPath } from "@/lib/posts/paths";
import { asReadable, readableNow } from "@/lib/posts/readable";

/**
 * Pages of a comment thread whose cost does not grow with the thread: a constant number
 * of indexed queries, each reading at most about a page's worth of index entries (counts
 * excepted, which read index entries only). See docs/decisions/007-comment-paging.md.
 */

/**
 * Readers see published comments only: held ones (docs/decisions/023) never reach these
 * pages, which are cached and the same for everyone. Held comments take no replies, so
 * leaving them out never orphans one.
 */
const PUBLISHED = { status: "published" } as const;
/** The same filter in this module's SQL (see publishedCommentSql for why it is written so). */
const publishedSql = publishedCommentSql();

/**
 * The comment budget of one page. A page holds whole top-level threads while they fit,
 * and always at least one thread, cut to this size if needed. Blogger shows 200; 50
 * keeps a post page near 200 kB of HTML (a comment costs about 3 kB there and again in
 * the page's RSC payload), which a phone loads quickly and a cache serves 4× as often
 * (docs/decisions/007).
 */
export const COMMENTS_PER_PAGE = 50;

/**
 * The deepest level a page loads, counted from its top level (0): comments with depth
 * 0..6 are loaded, as many levels as the thread indents (MAX_RENDERED_DEPTH). Replies
 * below are hidden behind their ancestor at this depth ("Continue this thread"), so
 * `capThreadDepth` has nothing to flatten on a page.
 */
export const MAX_THREAD_DEPTH = 6;

export type CommentPage = {
  /** Rows of this page, in id order, ready for buildCommentTree(comments, { hiddenReplies }). */
  comments: ThreadComment[];
  /**
   * Comment id -> how many of its DIRECT replies (deleted ones included) are not on this
   * page, because the comment is at the depth cap or its thread was cut to the budget.
   * Only comments on the page appear; a comment with nothing hidden is absent.
   */
  hiddenReplies: Record<number, number>;
  /** `after` for the next page (in the page's sort); null on the last page (and always on a subtree). */
  nextCursor: number | null;
  /**
   * The page's top-level comments in the order the page shows them (its sort); null on
   * a subtree. Rows come in id order, which is the order of Oldest.
   */
  rootOrder: number[] | null;
  /** Live (not deleted) comments of the whole post, for "N comments:". */
  total: number;
};

export type CommentLocation = { postId: number; postPath: string; view: CommentView };

/**
 * The page of a post's thread that starts after top-level comment `after` in `sort`
 * order (null: from the start; see lib/comments/sort.ts). Six queries, whatever the
 * thread's size.
 */
export async function getCommentPage(
  postId: number,
  after: number | null,
  sort: CommentSort = DEFAULT_SORT,
): Promise<CommentPage> {
  const plan = await planPage(postId, after, sort);
  const loaded = plan ? await loadPageIds(plan) : [];
  return { ...(await assemblePage(postId, loaded, plan?.nextCursor ?? null)), rootOrder: plan?.roots ?? [] };
}

/**
 * "Continue this thread": a comment and its replies, with the same budget and depth cap
 * counted from that comment. Null for an unknown comment or a post that is not readable.
 */
export async function getCommentSubtree(
  commentId: number,
): Promise<{ postId: number; rootComment: ThreadComment; page: CommentPage } | null> {
  const target = await db.comment.findFirst({
    where: { id: commentId, ...PUBLISHED, post: readableNow() },
    select: { postId: true },
  });
  if (!target) return null;
  const assembled = await assemblePage(target.postId, await loadSubtreeIds(commentId), null);
  const rootComment = assembled.comments.find((comment) => comment.id === commentId)!;
  return { postId: target.postId, rootComment, page: { ...assembled, rootOrder: null } };
}

/**
 * Where a permalink to a comment (deleted ones too) leads, in `sort` order: the first
 * page if the comment is on it, else the page that starts with its top-level thread,
 * else (too deep, or its thread was cut) the subtree of its ancestor at a depth-cap
 * level, or of the comment itself. At most nine queries. Null if the comment or its
 * post is not readable.
 */
export async function locateComment(
  commentId: number,
  sort: CommentSort = DEFAULT_SORT,
): Promise<CommentLocation | null> {
  const comment = await db.comment.findFirst({
    where: { id: commentId, ...PUBLISHED, post: readableNow() },
    select: {
      id: true,
      postId: true,
      rootId: true,
      depth: true,
      post: { select: { slug: true, publishedAt: true } },
    },
  });
  if (!comment) return null;
  return placeComment(comment, postPath(asReadable(comment.post)), sort);
}

/** A comment whose place in its thread and post the caller already knows (one it just stored). */
export type PlacedComment = { id: number; postId: number; rootId: number | null; depth: number };

/** locateComment without the lookup: for the comment a reply just stored on a readable post. */
export async function placeComment(
  comment: PlacedComment,
  postPathOfComment: string,
  sort: CommentSort = DEFAULT_SORT,
): Promise<CommentLocation> {
  const at = (view: CommentView): CommentLocation => ({
    postId: comment.postId,
    postPath: postPathOfComment,
    view,
  });
  const threadId = comment.rootId ?? comment.id;

  if (comment.depth <= MAX_THREAD_DEPTH) {
    const isOnPage = async (plan: PagePlan | null) => {
      if (!plan?.roots.includes(threadId)) return false;
      if (!plan.truncated || comment.id === threadId) return true;
      return (await loadPageIds(plan)).some((row) => row.id === comment.id);
    };
    const sorted = sort === DEFAULT_SORT ? {} : { sort };
    const first = await planPage(comment.postId, null, sort);
    if (await isOnPage(first)) return at({ kind: "first-page", ...sorted });
    // The first page cut this thread short: starting there again would show the same cut.
    if (!first?.roots.includes(threadId)) {
      const after = await cursorBefore(comment.postId, threadId, sort);
      if (after !== null && (await isOnPage(await planPage(comment.postId, after, sort))))
        return at({ kind: "page", after, ...sorted });
    }
    return at({ kind: "subtree", commentId: comment.id });
  }

  // Subtrees open at depths MAX, 2*MAX, ...: the one whose levels include this comment.
  const anchorDepth = MAX_THREAD_DEPTH * Math.floor((comment.depth - 1) / MAX_THREAD_DEPTH);
  const [anchor] = await db.$queryRaw<{ id: number }[]>`
    WITH RECURSIVE "up" ("id", "parentId", "depth") AS (
      SELECT "id", "parentId", "depth" FROM "Comment" WHERE "id" = ${comment.id}
      UNION ALL
      SELECT "c"."id", "c"."parentId", "c"."depth" FROM "Comment" AS "c" JOIN "up" ON "c"."id" = "up"."parentId"
      WHERE "up"."depth" > ${anchorDepth}
    )
    SELECT "id" FROM "up" WHERE "depth" = ${anchorDepth}`;
  const anchorId = anchor ? Number(anchor.id) : comment.id;
  const shown =
    anchorId !== comment.id && (await loadSubtreeIds(anchorId)).some((row) => row.id === comment.id);
  return at({ kind: "subtree", commentId: shown ? anchorId : comment.id });
}

/** Which top-level threads a page takes, and whether its only thread is cut short. */
type PagePlan = { roots: number[]; truncated: boolean; nextCursor: number | null };

/** Ids of a page's comments, each with its depth counted from the page's top level. */
type LoadedId = { id: number; level: number };

async function planPage(postId: number, after: number | null, sort: CommentSort): Promise<PagePlan | null> {
  // At most one top-level comment per budget slot can fit; one more tells if there is more.
  const candidates = await topLevelAfter(postId, after, sort, COMMENTS_PER_PAGE + 1);
  if (candidates.length === 0) return null;
  const ids = candidates.slice(0, COMMENTS_PER_PAGE);
  const { replies, uncounted } = await countThreadReplies(ids, sort);

  const roots: number[] = [];
  let used = 0;
  for (const id of ids) {
    const size = 1 + (replies.get(id) ?? 0);
    const fits = !uncounted(id) && used + size <= COMMENTS_PER_PAGE;
    if (!fits) {
      if (roots.length > 0) return { roots, truncated: false, nextCursor: roots.at(-1)! };
      return { roots: [id], truncated: true, nextCursor: candidates.length > 1 ? id : null };
    }
    roots.push(id);
    used += size;
  }
  return { roots, truncated: false, nextCursor: candidates.length > roots.length ? roots.at(-1)! : null };
}

/**
 * Ids of the post's top-level comments after `after` in `sort` order, at most `take`:
 * one range of an index each. Newest and Best start after a top-level comment of the
 * post, read afresh (an id that is not one gives nothing); Best compares the pair
 * (likeCount, id) as a row value, which both databases read as a range of the
 * [postId, parentId, likeCount, id] index, scanned downwards.
 */
async function topLevelAfter(
  postId: number,
  after: number | null,
  sort: CommentSort,
  take: number,
): Promise<number[]> {
  if (sort === "oldest") {
    const rows = await db.comment.findMany({
      where: { postId, parentId: null, ...PUBLISHED, ...(after === null ? {} : { id: { gt: after } }) },
      orderBy: { id: "asc" },
      take,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }
  const key = sort === "best" ? Prisma.sql`("likeCount", "id")` : Prisma.sql`"id"`;
  const columns = sort === "best" ? Prisma.sql`"likeCount", "id"` : Prisma.sql`"id"`;
  const start =
    after === null
      ? Prisma.empty
      : Prisma.sql`AND ${key} < (
          SELECT ${columns} FROM "Comment" WHERE "id" = ${after} AND "postId" = ${postId} AND "parentId" IS NULL)`;
  const order = sort === "best" ? Prisma.sql`"likeCount" DESC, "id" DESC` : Prisma.sql`"id" DESC`;
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Comment"
    WHERE "postId" = ${postId} AND "parentId" IS NULL AND ${publishedSql} ${start}
    ORDER BY ${order} LIMIT ${take}`;
  return rows.map((row) => Number(row.id));
}

/**
 * The top-level comment just before `threadId` in `sort` order: the cursor of the page
 * that starts with its thread. Oldest needs no query (any smaller id will do); null
 * when the thread comes first.
 */
async function cursorBefore(postId: number, threadId: number, sort: CommentSort): Promise<number | null> {
  if (sort === "oldest") return threadId - 1;
  const key = sort === "best" ? Prisma.sql`("likeCount", "id")` : Prisma.sql`"id"`;
  const columns = sort === "best" ? Prisma.sql`"likeCount", "id"` : Prisma.sql`"id"`;
  const order = sort === "best" ? Prisma.sql`"likeCount", "id"` : Prisma.sql`"id"`;
  const [row] = await db.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "Comment"
    WHERE "postId" = ${postId} AND "parentId" IS NULL AND ${publishedSql}
      AND ${key} > (SELECT ${columns} FROM "Comment" WHERE "id" = ${threadId})
    ORDER BY ${order} LIMIT 1`;
  return row ? Number(row.id) : null;
}

/**
 * How many replies (to the depth cap) each candidate thread has, reading a bounded
 * number of index entries. `uncounted(id)`: the thread's size is unknown, and it cannot
 * fit beside the threads before it anyway.
 */
async function countThreadReplies(
  ids: number[],
  sort: CommentSort,
): Promise<{ replies: Map<number, number>; uncounted: (id: number) => boolean }> {
  const toMap = (rows: { rootId: number; replies: number | bigint }[]) =>
    new Map(rows.map((row) => [Number(row.rootId), Number(row.replies)]));
  if (sort === "best") {
    // Best's order is not the ids' order, so a budget read in rootId order would count
    // the wrong threads: each thread is counted up to the budget instead (a count that
    // reaches it means "too big to share a page"), at most 50 × 50 index entries.
    const perThread = ids.map(
      (id) => Prisma.sql`
      SELECT * FROM (
        SELECT "rootId" FROM "Comment"
        WHERE "rootId" = ${id} AND "depth" BETWEEN 1 AND ${MAX_THREAD_DEPTH} AND ${publishedSql} LIMIT ${COMMENTS_PER_PAGE}
      ) AS "thread"`,
    );
    const counted = await db.$queryRaw<{ rootId: number; replies: number | bigint }[]>`
      SELECT "rootId", COUNT(*) AS "replies" FROM (${Prisma.join(perThread, " UNION ALL ")}) AS "threads"
      GROUP BY "rootId"`;
    return { replies: toMap(counted), uncounted: () => false };
  }
  // Replies of the candidates in the page's rootId order, stopping at the budget: every
  // thread before the last one seen is counted exactly; the last one seen (if the budget
  // ran out) and those after it cannot fit beside the threads before them anyway.
  const ascending = sort === "oldest";
  const direction = ascending ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const counted = await db.$queryRaw<{ rootId: number; replies: number | bigint }[]>`
    SELECT "rootId", COUNT(*) AS "replies" FROM (
      SELECT "rootId" FROM "Comment"
      WHERE "rootId" IN (${Prisma.join(ids)}) AND "depth" BETWEEN 1 AND ${MAX_THREAD_DEPTH} AND ${publishedSql}
      ORDER BY "rootId" ${direction} LIMIT ${COMMENTS_PER_PAGE}
    ) AS "budget" GROUP BY "rootId"`;
  const replies = toMap(counted);
  const budgetSpent = counted.reduce((sum, row) => sum + Number(row.replies), 0) >= COMMENTS_PER_PAGE;
  const lastCounted = ascending ? Math.max(...replies.keys()) : Math.min(...replies.keys());
  return {
    replies,
    uncounted: (id) => budgetSpent && (ascending ? id >= lastCounted : id <= lastCounted),
  };
}

async function loadPageIds(plan: PagePlan): Promise<LoadedId[]> {
  const roots = plan.roots.map((id) => ({ id, level: 0 }));
  if (!plan.truncated) {
    const replies = await db.$queryRaw<{ id: number; depth: number }[]>`
      SELECT "id", "depth" FROM "Comment"
      WHERE "rootId" IN (${Prisma.join(plan.roots)}) AND "depth" BETWEEN 1 AND ${MAX_THREAD_DEPTH} AND ${publishedSql}`;
    return [...roots, ...replies.map((row) => ({ id: Number(row.id), level: Number(row.depth) }))];
  }
  // The thread's first replies by id (a parent always has a lower id than its replies,
  // so these form a connected tree), read level by level so that no query walks past
  // the budget: an index range per depth, merged.
  const limit = COMMENTS_PER_PAGE - 1;
  const perDepth = Array.from(
    { length: MAX_THREAD_DEPTH },
    (_, i) => Prisma.sql`
    SELECT * FROM (
      SELECT "id", "depth" FROM "Comment" WHERE "rootId" = ${plan.roots[0]} AND "depth" = ${i + 1} AND ${publishedSql} ORDER BY "id" LIMIT ${limit}
    ) AS "level"`,
  );
  const replies = await db.$queryRaw<{ id: number; depth: number }[]>`
    SELECT "id", "depth" FROM (${Prisma.join(perDepth, " UNION ALL ")}) AS "levels" ORDER BY "id" LIMIT ${limit}`;
  return [...roots, ...replies.map((row) => ({ id: Number(row.id), level: Number(row.depth) }))];
}

/**
 * A comment and its first replies by id down to MAX_THREAD_DEPTH levels below it (the
 * subtree's id prefix: a parent always has a lower id than its replies), in one query
 * that stops at the budget instead of walking the whole subtree.
 */
async function loadSubtreeIds(commentId: number): Promise<LoadedId[]> {
  const rows = await db.$queryRaw<{ id: number; level: number }[]>(subtreeIdsSql[dbProvider](commentId));
  return rows.map((row) => ({ id: Number(row.id), level: Number(row.level) }));
}

const subtreeIdsSql = {
  // SQLite orders a recursive CTE's queue: by id, it always takes the lowest id it can
  // reach next, and LIMIT ends the walk at the budget.
  sqlite: (commentId: number) => Prisma.sql`
    WITH RECURSIVE "sub" ("id", "level") AS (
      SELECT ${commentId}, 0
      UNION ALL
      SELECT "c"."id", "sub"."level" + 1 FROM "Comment" AS "c" JOIN "sub" ON "c"."parentId" = "sub"."id"
      WHERE "sub"."level" < ${MAX_THREAD_DEPTH} AND "c"."status" = 'published'
      ORDER BY 1 LIMIT ${COMMENTS_PER_PAGE}
    )
    SELECT "id", "level" FROM "sub"`,
  // PostgreSQL allows no ORDER BY or LIMIT in the recursive term, so it walks level by
  // level, each level an array of the lowest ids among the replies of the level above.
  // That loses nothing: the prefix's comments on a level are the level's lowest ids, and
  // their parents are in the prefix too. The same rows as SQLite's, in as few reads.
  postgresql: (commentId: number) => Prisma.sql`
    WITH RECURSIVE "levels" ("level", "ids") AS (
      SELECT 0, ARRAY[${commentId}::integer]
      UNION ALL
      SELECT "level" + 1, ARRAY(
        SELECT "c"."id" FROM "Comment" AS "c" WHERE "c"."parentId" = ANY ("levels"."ids") AND "c"."status" = 'published'
        ORDER BY "c"."id" LIMIT ${COMMENTS_PER_PAGE - 1}
      )
      FROM "levels" WHERE "level" < ${MAX_THREAD_DEPTH} AND cardinality("ids") > 0
    )
    SELECT "id", "level" FROM "levels", unnest("ids") AS "id" ORDER BY "id" LIMIT ${COMMENTS_PER_PAGE}`,
} satisfies Record<DatabaseProvider, (commentId: number) => Prisma.Sql>;

/** Loads the rows, the hidden-reply counts and the live total: three queries. */
async function assemblePage(
  postId: number,
  loaded: LoadedId[],
  nextCursor: number | null,
): Promise<Omit<CommentPage, "rootOrder">> {
  const [rows, hiddenReplies, total] = await Promise.all([
    loaded.length === 0
      ? []
      : db.comment.findMany({
          where: { id: { in: loaded.map((row) => row.id) } },
          orderBy: { id: "asc" },
          select: threadCommentSelect,
        }),
    countHiddenReplies(loaded),
    // Hidden pending review counts like held: not in "N comments:" (docs/decisions/029).
    db.comment.count({ where: { postId, ...PUBLISHED, deletedAt: null, hiddenAt: null } }),
  ]);
  return { comments: rows.map(toThreadComment), hiddenReplies, nextCursor, total };
}

/**
 * Direct replies of loaded comments that are not loaded: every reply of a comment at the
 * depth cap; for a comment above it, the replies after the last loaded id (the page or
 * subtree was cut to the budget; when it was not, there are none). Both read only the
 * parentId index (whose entries end with the id).
 */
async function countHiddenReplies(loaded: LoadedId[]): Promise<Record<number, number>> {
  if (loaded.length === 0) return {};
  const atCap = loaded.filter((row) => row.level === MAX_THREAD_DEPTH).map((row) => row.id);
  const aboveCap = loaded.filter((row) => row.level < MAX_THREAD_DEPTH).map((row) => row.id);
  const lastLoaded = Math.max(...loaded.map((row) => row.id));
  const rows = await db.$queryRaw<{ parentId: number; hidden: number | bigint }[]>`
    SELECT "parentId", COUNT(*) AS "hidden" FROM "Comment"
    WHERE ("parentId" IN (${idList(atCap)}) OR ("parentId" IN (${idList(aboveCap)}) AND "id" > ${lastLoaded}))
      AND ${publishedSql}
    GROUP BY "parentId"`;
  return Object.fromEntries(rows.map((row) => [Number(row.parentId), Number(row.hidden)]));
}

/** An SQL list of ids; `NULL` (which matches nothing) for none. */
function idList(ids: number[]): Prisma.Sql {
  return ids.length > 0 ? Prisma.join(ids) : Prisma.sql`NULL`;
}
