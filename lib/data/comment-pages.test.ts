import { describe, expect, it } from "vitest";
import { buildCommentTree } from "@/lib/comments/tree";
import { db } from "@/lib/db";
import { approvedCommentsSql } from "@/lib/data/comment-write-statements";
import { feedCommentsSql } from "@/lib/data/feeds";
import { publishedCommentSql } from "@/lib/data/published-sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { onPostgres } from "@/tests/support/database-provider";
import { sqlStatementCounter } from "@/lib/db/client";
import { createComments, createPost } from "@/tests/support/factories";
import {
  COMMENTS_PER_PAGE,
  MAX_THREAD_DEPTH,
  getCommentPage,
  getCommentSubtree,
  locateComment,
  placeComment,
  type CommentPage,
} from "./comment-pages";

type Spec = { parent?: number; body?: string };

/** A top-level comment followed by `replies` replies, each to a random earlier comment of its thread, at most `maxDepth` deep. */
function thread(specs: Spec[], replies: number, maxDepth: number, random: () => number): void {
  const start = specs.length;
  const depths = [0];
  specs.push({});
  for (let i = 0; i < replies; i++) {
    let parent = Math.floor(random() * depths.length);
    while (depths[parent] >= maxDepth) parent = Math.floor(random() * depths.length);
    depths.push(depths[parent] + 1);
    specs.push({ parent: start + parent });
  }
}

/** A chain: each comment replies to the one before; returns the ids, index = depth. */
async function chain(postId: number, length: number): Promise<number[]> {
  return createComments(
    postId,
    Array.from({ length }, (_, i) => (i === 0 ? {} : { parent: i - 1 })),
  );
}

function seeded(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

async function allPages(postId: number): Promise<CommentPage[]> {
  const pages: CommentPage[] = [];
  let after: number | null = null;
  do {
    const page: CommentPage = await getCommentPage(postId, after);
    pages.push(page);
    after = page.nextCursor;
  } while (after !== null && pages.length < 100);
  return pages;
}

async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = sqlStatementCounter.count;
  const result = await work();
  return { result, statements: sqlStatementCounter.count - before };
}

describe("getCommentPage", () => {
  it("fills pages with whole threads, and the cursor chain visits every top-level comment once", async () => {
    const post = await createPost();
    const specs: Spec[] = [];
    const random = seeded(7);
    // Threads of up to 44 comments: each fits a page whole (COMMENTS_PER_PAGE is 50).
    for (let t = 0; t < 40; t++) thread(specs, (t * 37) % 45, 4, random);
    const ids = await createComments(post.id, specs);
    const threadOf = new Map<number, number>();
    specs.forEach((spec, i) =>
      threadOf.set(ids[i], spec.parent === undefined ? ids[i] : threadOf.get(ids[spec.parent])!),
    );
    const threadSize = (root: number) => ids.filter((id) => threadOf.get(id) === root).length;

    const pages = await allPages(post.id);
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    const tops = pages.flatMap((page) => page.comments.filter((c) => c.parentId === null).map((c) => c.id));
    expect(tops).toEqual(ids.filter((id, i) => specs[i].parent === undefined));
    for (const [index, page] of pages.entries()) {
      const roots = page.comments.filter((c) => c.parentId === null).map((c) => c.id);
      expect(page.comments.length).toBeLessThanOrEqual(COMMENTS_PER_PAGE);
      expect(page.comments.length).toBe(roots.reduce((sum, root) => sum + threadSize(root), 0));
      expect(page.hiddenReplies).toEqual({});
      expect(page.total).toBe(ids.length);
      const next = pages[index + 1]?.comments.find((c) => c.parentId === null);
      if (next) {
        expect(page.nextCursor).toBe(roots.at(-1));
        expect(page.comments.length + threadSize(next.id)).toBeGreaterThan(COMMENTS_PER_PAGE);
      }
    }
  });

  it("cuts a thread larger than the budget to its first replies by id and counts what it hides", async () => {
    const post = await createPost();
    // A root with 300 direct replies, then 300 replies to its first reply, then another thread.
    const specs: Spec[] = [
      {},
      ...Array.from({ length: 300 }, () => ({ parent: 0 })),
      ...Array.from({ length: 300 }, () => ({ parent: 1 })),
      {},
    ];
    const ids = await createComments(post.id, specs);

    const page = await getCommentPage(post.id, null);
    expect(page.comments.map((c) => c.id)).toEqual(ids.slice(0, COMMENTS_PER_PAGE));
    expect(page.hiddenReplies).toEqual({ [ids[0]]: 300 - (COMMENTS_PER_PAGE - 1), [ids[1]]: 300 });
    expect(page.nextCursor).toBe(ids[0]);
    expect(page.total).toBe(602);

    const next = await getCommentPage(post.id, page.nextCursor);
    expect(next.comments.map((c) => c.id)).toEqual([ids[601]]);
    expect(next.nextCursor).toBeNull();
  });

  it(`loads ${MAX_THREAD_DEPTH} levels below the top and counts the direct replies hidden below that`, async () => {
    const post = await createPost();
    const specs: Spec[] = [
      ...Array.from({ length: 10 }, (_, i) => (i === 0 ? {} : { parent: i - 1 })),
      { parent: MAX_THREAD_DEPTH },
    ];
    const ids = await createComments(post.id, specs);
    const page = await getCommentPage(post.id, null);
    expect(page.comments.map((c) => c.id)).toEqual(ids.slice(0, MAX_THREAD_DEPTH + 1));
    expect(page.hiddenReplies).toEqual({ [ids[MAX_THREAD_DEPTH]]: 2 });
    expect(page.total).toBe(11);
  });

  it("counts live comments of the whole post and never returns deleted text", async () => {
    const post = await createPost();
    const specs: Spec[] = [];
    for (let t = 0; t < 250; t++) specs.push({ body: t % 50 === 0 ? `secret ${t}` : undefined });
    specs.push({ parent: 0 });
    const ids = await createComments(post.id, specs);
    const secret = specs.flatMap((spec, i) => (spec.body ? [ids[i]] : []));
    await db.comment.updateMany({
      where: { id: { in: secret } },
      data: { deletedAt: new Date(), deletedReason: "moderator" },
    });

    const pages = await allPages(post.id);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((page) => page.comments)).toHaveLength(251);
    for (const page of pages) expect(page.total).toBe(251 - secret.length);
    expect(JSON.stringify(pages)).not.toContain("secret");
    const deleted = pages.flatMap((page) => page.comments).filter((c) => c.deleted);
    expect(deleted.map((c) => c.id)).toEqual(secret);
    expect(deleted.every((c) => c.body === null && c.deleted === "moderator")).toBe(true);
  });

  it("keeps a deleted comment whose replies are not on the page as a tombstone", async () => {
    const post = await createPost();
    const ids = await chain(post.id, MAX_THREAD_DEPTH + 2);
    await db.comment.update({
      where: { id: ids[MAX_THREAD_DEPTH] },
      data: { deletedAt: new Date(), deletedReason: "author", body: "gone" },
    });
    const page = await getCommentPage(post.id, null);
    expect(page.hiddenReplies).toEqual({ [ids[MAX_THREAD_DEPTH]]: 1 });

    let node = buildCommentTree(page.comments, { hiddenReplies: page.hiddenReplies })[0];
    while (node.replies.length > 0) node = node.replies[0];
    expect(node).toMatchObject({
      id: ids[MAX_THREAD_DEPTH],
      deleted: "author",
      body: null,
      depth: MAX_THREAD_DEPTH,
    });
    let withoutHidden = buildCommentTree(page.comments)[0];
    while (withoutHidden.replies.length > 0) withoutHidden = withoutHidden.replies[0];
    expect(withoutHidden.id).toBe(ids[MAX_THREAD_DEPTH - 1]);
  });

  it("returns an empty last page for a post without comments", async () => {
    const post = await createPost();
    expect(await getCommentPage(post.id, null)).toEqual({
      comments: [],
      hiddenReplies: {},
      nextCursor: null,
      total: 0,
      rootOrder: [],
    });
  });

  it("sends the same number of SQL statements for a 50-comment and a 3,000-comment thread", async () => {
    const sizes = [50, 3000];
    const counts: number[] = [];
    for (const size of sizes) {
      const post = await createPost();
      const specs: Spec[] = [];
      const random = seeded(size);
      while (specs.length < size)
        thread(specs, Math.min(size - specs.length - 1, Math.floor(random() * 120)), 9, random);
      await createComments(post.id, specs);
      const { result, statements } = await countStatements(() => getCommentPage(post.id, null));
      expect(result.total).toBe(size);
      counts.push(statements);
    }
    // One giant thread, cut to the budget, costs the same too.
    const post = await createPost();
    const [root] = await chain(post.id, 1);
    await db.comment.createMany({
      data: Array.from({ length: 3000 }, (_, i) => ({
        postId: post.id,
        parentId: root,
        rootId: root,
        depth: 1,
        authorName: "Bulk",
        body: `${i}`,
      })),
    });
    const giant = await countStatements(() => getCommentPage(post.id, null));
    expect(giant.result.hiddenReplies).toEqual({ [root]: 3000 - (COMMENTS_PER_PAGE - 1) });
    counts.push(giant.statements);
    // Six, plus one for the authors' roles (the staff badge, decision 024).
    expect(counts).toEqual([7, 7, 7]);
  });
});

describe("getCommentSubtree", () => {
  it(`shows a comment and ${MAX_THREAD_DEPTH} levels below it, counting what is hidden deeper`, async () => {
    const post = await createPost();
    const ids = await chain(post.id, 2 * MAX_THREAD_DEPTH + 3);
    const subtree = await getCommentSubtree(ids[MAX_THREAD_DEPTH]);
    expect(subtree).not.toBeNull();
    expect(subtree!.postId).toBe(post.id);
    expect(subtree!.rootComment.id).toBe(ids[MAX_THREAD_DEPTH]);
    expect(subtree!.page.comments.map((c) => c.id)).toEqual(
      ids.slice(MAX_THREAD_DEPTH, 2 * MAX_THREAD_DEPTH + 1),
    );
    expect(subtree!.page.hiddenReplies).toEqual({ [ids[2 * MAX_THREAD_DEPTH]]: 1 });
    expect(subtree!.page).toMatchObject({ nextCursor: null, total: ids.length });
    const roots = buildCommentTree(subtree!.page.comments, { hiddenReplies: subtree!.page.hiddenReplies });
    expect(roots.map((node) => node.id)).toEqual([ids[MAX_THREAD_DEPTH]]);
  });

  it("cuts a subtree to the budget by id", async () => {
    const post = await createPost();
    const ids = await createComments(post.id, [
      {},
      { parent: 0 },
      ...Array.from({ length: 250 }, () => ({ parent: 1 })),
    ]);
    const subtree = await getCommentSubtree(ids[1]);
    expect(subtree!.page.comments.map((c) => c.id)).toEqual(ids.slice(1, 1 + COMMENTS_PER_PAGE));
    expect(subtree!.page.hiddenReplies).toEqual({ [ids[1]]: 250 - (COMMENTS_PER_PAGE - 1) });
  });

  it("is null for an unknown comment or a post that is not readable", async () => {
    const draft = await createPost({ status: "draft" });
    const future = await createPost({ publishedAt: new Date(Date.now() + 86_400_000) });
    const [onDraft] = await chain(draft.id, 1);
    const [onFuture] = await chain(future.id, 1);
    for (const id of [onDraft, onFuture, 999_999_999]) expect(await getCommentSubtree(id)).toBeNull();
  });
});

describe("locateComment", () => {
  it("leads to the first page, the page of a later thread, or a subtree", async () => {
    const post = await createPost();
    const specs: Spec[] = [];
    const random = seeded(3);
    for (let t = 0; t < 12; t++) thread(specs, 49, 3, random);
    const deep = specs.length;
    specs.push({}, ...Array.from({ length: 15 }, (_, i) => ({ parent: deep + i })));
    const ids = await createComments(post.id, specs);
    const path = `/2024/06/${post.slug}`;

    expect(await locateComment(ids[5])).toEqual({
      postId: post.id,
      postPath: path,
      view: { kind: "first-page" },
    });

    const later = ids[specs.length - 20];
    const location = await locateComment(later);
    expect(location?.view.kind).toBe("page");
    const after = location!.view.kind === "page" ? location!.view.after : null;
    expect((await getCommentPage(post.id, after)).comments.map((c) => c.id)).toContain(later);

    // Depth 9 opens under its ancestor at depth 6; depth 14 under the one at depth 12.
    expect((await locateComment(ids[deep + 9]))?.view).toEqual({
      kind: "subtree",
      commentId: ids[deep + MAX_THREAD_DEPTH],
    });
    expect((await locateComment(ids[deep + 14]))?.view).toEqual({
      kind: "subtree",
      commentId: ids[deep + 2 * MAX_THREAD_DEPTH],
    });
    expect((await locateComment(ids[deep + MAX_THREAD_DEPTH]))?.view.kind).toBe("page");
    const subtree = await getCommentSubtree(ids[deep + MAX_THREAD_DEPTH]);
    expect(subtree!.page.comments.map((c) => c.id)).toContain(ids[deep + 9]);
  });

  it("places a comment whose thread position is known exactly where it locates it, in fewer queries", async () => {
    const post = await createPost();
    const specs: Spec[] = [];
    const random = seeded(5);
    for (let t = 0; t < 6; t++) thread(specs, 30, 8, random);
    const ids = await createComments(post.id, specs);
    const rows = await db.comment.findMany({
      where: { postId: post.id },
      select: { id: true, postId: true, rootId: true, depth: true },
    });
    const path = `/2024/06/${post.slug}`;
    const kinds = new Set<string>();
    for (const row of rows) {
      const located = await countStatements(() => locateComment(row.id));
      const placed = await countStatements(() => placeComment(row, path));
      expect(placed.result).toEqual(located.result);
      expect(placed.statements).toBeLessThan(located.statements);
      kinds.add(placed.result.view.kind);
    }
    // The sample covers every kind of place, so the equality above means something.
    expect([...kinds].sort()).toEqual(["first-page", "page", "subtree"]);
    expect(ids).toHaveLength(rows.length);
  });

  it("leads to the comment itself when its thread was cut short, and locates deleted comments", async () => {
    const post = await createPost();
    const ids = await createComments(post.id, [{}, ...Array.from({ length: 300 }, () => ({ parent: 0 }))]);
    expect((await locateComment(ids[10]))?.view).toEqual({ kind: "first-page" });
    expect((await locateComment(ids[250]))?.view).toEqual({ kind: "subtree", commentId: ids[250] });
    await db.comment.update({
      where: { id: ids[10] },
      data: { deletedAt: new Date(), deletedReason: "moderator" },
    });
    expect((await locateComment(ids[10]))?.view).toEqual({ kind: "first-page" });
  });

  it("is null for an unknown comment or a post that is not readable", async () => {
    const draft = await createPost({ status: "draft" });
    const [onDraft] = await chain(draft.id, 1);
    expect(await locateComment(onDraft)).toBeNull();
    expect(await locateComment(999_999_999)).toBeNull();
  });
});

describe("the thread's queries on SQLite", () => {
  // SQLite chooses indexes without statistics: a thread's rows must come from the thread's
  // index, not from the held queue's (status, id), which would read every published
  // comment of the blog (docs/decisions/007).
  it.skipIf(onPostgres)(
    "read a thread's replies from its (rootId, depth) index (SQLite only: its planner)",
    async () => {
      const plan = await db.$queryRaw<{ detail: string }[]>(
        Prisma.sql`EXPLAIN QUERY PLAN SELECT "id", "depth" FROM "Comment"
        WHERE "rootId" IN (1, 2, 3) AND "depth" BETWEEN 1 AND ${MAX_THREAD_DEPTH} AND ${publishedCommentSql()}`,
      );
      const details = plan.map((row) => row.detail).join(" | ");
      expect(details).toContain("Comment_rootId_depth_id_idx");
      expect(details).not.toContain("Comment_status_id_idx");
    },
  );

  it.skipIf(onPostgres)(
    "read the newest comments from the createdAt index, stopping at the limit (SQLite only: its planner)",
    async () => {
      const plan = async (postId?: number) =>
        (
          await db.$queryRaw<{ detail: string }[]>(
            Prisma.sql`EXPLAIN QUERY PLAN ${feedCommentsSql(postId, 50)}`,
          )
        )
          .map((row) => row.detail)
          .join(" | ");
      const blog = await plan();
      expect(blog).toMatch(/^SCAN c USING INDEX Comment_createdAt_idx/);
      expect(blog).not.toContain("TEMP B-TREE");
      expect(await plan(1)).toContain("Comment_postId_createdAt_idx");
    },
  );

  it.skipIf(onPostgres)(
    "count an author's approved comments from the author's index (SQLite only: its planner)",
    async () => {
      const plan = await db.$queryRaw<{ detail: string }[]>(
        Prisma.sql`EXPLAIN QUERY PLAN ${approvedCommentsSql("someone", 3)}`,
      );
      expect(plan.map((row) => row.detail).join(" | ")).toContain("Comment_authorId_");
    },
  );
});
