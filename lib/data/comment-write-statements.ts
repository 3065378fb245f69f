import "server-only";
import { db } from "@/lib/db";
import { threadCommentColumns } from "@/lib/data/comments";
import { publishedCommentSql } from "@/lib/data/published-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { eventsRecorded, newCommentEventSql } from "@/lib/events/log";
import { readableNowSql } from "@/lib/posts/readable";

/**
 * The statements every comment write runs (lib/data/comment-writes.ts owns the rules and
 * their order), as SQL that SQLite and PostgreSQL both run unchanged. They run on every
 * reply, and a reply's cost is most of what a burst of replies waits on: through Prisma's
 * query builder each statement cost 0.6–1.4 ms of CPU here, as SQL 0.15–0.6 ms (2 vCPU
 * AMD EPYC, Node 20), and one read now answers what three did (docs/decisions/010).
 */

/** A sha256 in hex, the length of `commentBodyHash`; the slot's claim starts with one. */
const BODY_HASH_LENGTH = 64;

/**
 * The duplicate rule's lookup: an earlier comment with the same text by the same author
 * on the same post within the window, not removed (the authorId, createdAt index).
 */
function earlierDuplicateSql(authorId: string, postId: number, body: string, since: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT 1 FROM "Comment" AS "d"
    WHERE "d"."authorId" = ${authorId} AND "d"."createdAt" > ${since} AND "d"."postId" = ${postId}
      AND "d"."body" = ${body} AND "d"."deletedAt" IS NULL`;
}

export async function hasEarlierDuplicate(
  authorId: string,
  postId: number,
  body: string,
  since: Date,
): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`${earlierDuplicateSql(authorId, postId, body, since)} LIMIT 1`;
  return rows.length > 0;
}

/**
 * The author's published comments not removed by a moderator, up to `enough`: read from
 * the author's index, never the held queue's (see publishedCommentSql).
 */
export function approvedCommentsSql(authorId: string, enough: number): Prisma.Sql {
  return Prisma.sql`
    SELECT "id" FROM "Comment"
    WHERE "authorId" = ${authorId} AND ${publishedCommentSql()}
      AND ("deletedAt" IS NULL OR "deletedReason" = 'author')
    LIMIT ${enough}`;
}

export type WriteTarget = {
  post: { slug: string; publishedAt: Date; commentsEnabled: boolean; authorId: string | null };
  /** The comment replied to, wherever it is (the caller checks it is on this post); null if none. */
  parent: {
    id: number;
    postId: number;
    rootId: number | null;
    depth: number;
    deletedAt: Date | null;
    status: string;
  } | null;
  /** The author wrote the same text on this post within the window already. */
  duplicate: boolean;
};

type TargetRow = {
  slug: string;
  publishedAt: Date;
  commentsEnabled: boolean | number;
  authorId: string | null;
  parentId: number | null;
  parentPostId: number | null;
  parentRootId: number | null;
  parentDepth: number | null;
  parentDeletedAt: Date | null;
  parentStatus: string | null;
  duplicate: boolean | number | bigint;
};

/**
 * What a new comment is written into, in one read: the post if readers can read it, the
 * parent comment, and whether the text is a duplicate. Null: no readable post.
 */
export async function readWriteTarget(input: {
  postId: number;
  parentId: number | null;
  authorId: string;
  body: string;
  duplicateSince: Date;
  now: Date;
}): Promise<WriteTarget | null> {
  const { postId, parentId, authorId, body, duplicateSince, now } = input;
  const [row] = await db.$queryRaw<TargetRow[]>`
    SELECT "p"."slug", "p"."publishedAt", "p"."commentsEnabled", "p"."authorId",
      "c"."id" AS "parentId", "c"."postId" AS "parentPostId", "c"."rootId" AS "parentRootId",
      "c"."depth" AS "parentDepth", "c"."deletedAt" AS "parentDeletedAt", "c"."status" AS "parentStatus",
      EXISTS (${earlierDuplicateSql(authorId, postId, body, duplicateSince)}) AS "duplicate"
    FROM "Post" AS "p" LEFT JOIN "Comment" AS "c" ON "c"."id" = ${parentId}
    WHERE "p"."id" = ${postId} AND ${readableNowSql("p", now)}`;
  if (!row) return null;
  return {
    // SQLite answers booleans as 0/1, PostgreSQL as booleans.
    post: {
      slug: row.slug,
      publishedAt: row.publishedAt,
      commentsEnabled: Boolean(row.commentsEnabled),
      authorId: row.authorId,
    },
    parent:
      row.parentId === null
        ? null
        : {
            id: Number(row.parentId),
            postId: Number(row.parentPostId),
            rootId: row.parentRootId === null ? null : Number(row.parentRootId),
            depth: Number(row.parentDepth),
            deletedAt: row.parentDeletedAt,
            status: row.parentStatus ?? "",
          },
    duplicate: Boolean(row.duplicate),
  };
}

export type SlotClaim = {
  authorId: string;
  /** `${bodyHash}:${idempotencyKey}`: the text last written, and by which submission. */
  claim: string;
  bodyHash: string;
  now: Date;
  intervalAgo: Date;
  duplicateSince: Date;
  hourAgo: Date;
  perHour: number;
  /** A new comment's "Email me replies", remembered as the author's default (docs/decisions/036). */
  notifyReplies?: boolean;
};

// The default rides on the slot's UPDATE of the author's row: remembering it costs no statement.
const rememberedDefault = (slot: SlotClaim) =>
  slot.notifyReplies === undefined ? Prisma.empty : Prisma.sql`, "notifyReplies" = ${slot.notifyReplies}`;

/**
 * The author may comment now: not banned, and either this very submission took the slot
 * before (its resend), or the minimum interval has passed and the text is not their last
 * one within the duplicate window (the hash is of the post and the text).
 */
function slotOpenSql(slot: SlotClaim): Prisma.Sql {
  if (slot.bodyHash.length !== BODY_HASH_LENGTH) throw new Error("A body hash is a sha256 in hex.");
  return Prisma.sql`"id" = ${slot.authorId} AND "bannedAt" IS NULL AND (
    "lastCommentHash" = ${slot.claim} OR (
      ("lastCommentAt" IS NULL OR "lastCommentAt" <= ${slot.intervalAgo})
      AND ("lastCommentHash" IS NULL
        OR substr("lastCommentHash", 1, ${Prisma.raw(String(BODY_HASH_LENGTH))}) <> ${slot.bodyHash}
        OR "lastCommentAt" <= ${slot.duplicateSince})))`;
}

/** Takes the slot within the author's current hour window; the number of rows changed (0 or 1). */
export function takeSlotInWindow(slot: SlotClaim): Promise<number> {
  return db.$executeRaw`
    UPDATE "User" SET "lastCommentAt" = ${slot.now}, "lastCommentHash" = ${slot.claim},
      "commentWindowCount" = "commentWindowCount" + 1${rememberedDefault(slot)}
    WHERE ${slotOpenSql(slot)} AND "commentWindowStart" > ${slot.hourAgo}
      AND "commentWindowCount" < ${slot.perHour}`;
}

/** Takes the slot opening a new hour window (none yet, or the last one has passed). */
export function takeSlotInNewWindow(slot: SlotClaim): Promise<number> {
  return db.$executeRaw`
    UPDATE "User" SET "lastCommentAt" = ${slot.now}, "lastCommentHash" = ${slot.claim},
      "commentWindowStart" = ${slot.now}, "commentWindowCount" = 1${rememberedDefault(slot)}
    WHERE ${slotOpenSql(slot)} AND ("commentWindowStart" IS NULL OR "commentWindowStart" <= ${slot.hourAgo})`;
}

export type NewComment = {
  postId: number;
  parentId: number | null;
  rootId: number | null;
  depth: number;
  authorId: string;
  authorName: string;
  body: string;
  idempotencyKey: string;
  createdAt: Date;
  status: "published" | "held";
  heldReasons: string | null;
  /** The author asked for a mail when someone replies (docs/decisions/036). */
  notifyReplies: boolean;
};

export type InsertedComment = Prisma.CommentGetPayload<{ select: typeof threadCommentColumns }>;

// The thread's columns, named once (lib/data/comments.ts): what the INSERT returns.
const RETURNED = Prisma.join(Object.keys(threadCommentColumns).map((column) => Prisma.raw(`"${column}"`)));

/**
 * Inserts a comment and returns it as the thread shows it, with its event
 * (`comment.created`, or `comment.held`) in the same transaction. A second insert of one
 * submission (same author and idempotency key) fails on the unique index: see
 * `isUniqueViolation`.
 */
export async function insertComment(comment: NewComment): Promise<InsertedComment> {
  const [[row]] = await db.$transaction([
    db.$queryRaw<InsertedComment[]>`
      INSERT INTO "Comment" ("postId", "parentId", "rootId", "depth", "authorId", "authorName", "body",
        "idempotencyKey", "createdAt", "status", "heldReasons", "notifyReplies")
      VALUES (${comment.postId}, ${comment.parentId}, ${comment.rootId}, ${comment.depth}, ${comment.authorId},
        ${comment.authorName}, ${comment.body}, ${comment.idempotencyKey}, ${comment.createdAt},
        ${comment.status}, ${comment.heldReasons}, ${comment.notifyReplies})
      RETURNING ${RETURNED}`,
    db.$executeRaw(newCommentEventSql(comment.authorId, comment.idempotencyKey, comment.createdAt)),
  ]);
  eventsRecorded();
  return { ...row, id: Number(row.id), likeCount: Number(row.likeCount) };
}
