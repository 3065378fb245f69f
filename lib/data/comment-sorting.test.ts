import { describe, expect, it } from "vitest";
import { commentViewPath } from "@/lib/comments/paths";
import type { CommentSort } from "@/lib/comments/sort";
import { db } from "@/lib/db";
import { sqlStatementCounter } from "@/lib/db/client";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { setCommentLike } from "./comment-likes";
import { COMMENTS_PER_PAGE, getCommentPage, locateComment, type CommentPage } from "./comment-pages";

type Spec = { parent?: number };

async function allPages(postId: number, sort: CommentSort): Promise<CommentPage[]> {
  const pages: CommentPage[] = [];
  let after: number | null = null;
  do {
    const page: CommentPage = await getCommentPage(postId, after, sort);
    pages.push(page);
    after = page.nextCursor;
  } while (after !== null && pages.length < 100);
  return pages;
}

/**
 * `threads` top-level comments, the i-th followed by `replies(i)` replies (a chain under
 * the top-level comment, then siblings); returns the top-level ids and every id.
 */
async function discussion(postId: number, threads: number, replies: (i: number) => number) {
  const specs: Spec[] = [];
  const rootIndexes: number[] = [];
  for (let i = 0; i < threads; i++) {
    const root = specs.length;
    rootIndexes.push(root);
    specs.push({});
    for (let r = 0; r < replies(i); r++) specs.push({ parent: r % 3 === 2 ? root + 1 : root });
  }
  const ids = await createComments(postId, specs);
  return { roots: rootIndexes.map((index) => ids[index]), ids };
}

const setLikes = (likes: Map<number, number>) =>
  Promise.all([...likes].map(([id, likeCount]) => db.comment.update({ where: { id }, data: { likeCount } })));

function expectEachOnce(pages: CommentPage[], ids: number[]) {
  const seen = pages.flatMap((page) => page.comments.map((comment) => comment.id));
  expect(new Set(seen).size).toBe(seen.length);
  expect([...seen].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
}

describe("sorted discussions", () => {
  it("Newest: top-level threads newest first across pages, replies in conversation order", async () => {
    const post = await createPost();
    const { roots, ids } = await discussion(post.id, 70, (i) => i % 4);
    const pages = await allPages(post.id, "newest");
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((page) => page.comments.length <= COMMENTS_PER_PAGE)).toBe(true);
    expect(pages.flatMap((page) => page.rootOrder)).toEqual([...roots].reverse());
    expectEachOnce(pages, ids);
    // Rows stay in id order (conversation order within each thread).
    for (const page of pages) {
      const pageIds = page.comments.map((comment) => comment.id);
      expect(pageIds).toEqual([...pageIds].sort((a, b) => a - b));
    }
  });

  it("Best: most liked first, newer first among equals, across pages", async () => {
    const post = await createPost();
    const { roots, ids } = await discussion(post.id, 80, (i) => i % 3);
    const likes = new Map(roots.map((id, i) => [id, (i * 7) % 5]));
    await setLikes(likes);
    const pages = await allPages(post.id, "best");
    expect(pages.length).toBeGreaterThan(1);
    const expected = [...roots].sort((a, b) => likes.get(b)! - likes.get(a)! || b - a);
    expect(pages.flatMap((page) => page.rootOrder)).toEqual(expected);
    expectEachOnce(pages, ids);
  });

  it("Best: a thread too big for a page gets a page of its own, cut to the budget", async () => {
    const post = await createPost();
    const { roots } = await discussion(post.id, 4, (i) => (i === 1 ? 120 : 2));
    await setLikes(new Map([[roots[1], 3]]));
    const pages = await allPages(post.id, "best");
    expect(pages.map((page) => page.rootOrder)).toEqual([[roots[1]], [roots[3], roots[2], roots[0]]]);
    expect(pages[0].comments).toHaveLength(COMMENTS_PER_PAGE);
  });

  it("counts likes made through setCommentLike, and ignores likes of replies for the order", async () => {
    const post = await createPost();
    const { roots, ids } = await discussion(post.id, 3, () => 1);
    const readers = await Promise.all([createUser(), createUser()]);
    for (const reader of readers) await setCommentLike(reader.id, roots[0], true);
    await setCommentLike(readers[0].id, ids[ids.indexOf(roots[2]) + 1], true);
    const [page] = await allPages(post.id, "best");
    expect(page.rootOrder).toEqual([roots[0], roots[2], roots[1]]);
    expect(page.comments.find((comment) => comment.id === roots[0])?.likeCount).toBe(2);
  });

  it("keeps deleted comments in place (tombstones) and counts only live ones", async () => {
    const post = await createPost();
    const { roots, ids } = await discussion(post.id, 5, () => 1);
    await db.comment.updateMany({
      where: { id: { in: [roots[1], roots[3]] } },
      data: { deletedAt: new Date(), deletedReason: "author" },
    });
    for (const sort of ["oldest", "newest", "best"] as const) {
      const [page] = await allPages(post.id, sort);
      expect(page.total, sort).toBe(ids.length - 2);
      const deleted = page.comments.filter((comment) => comment.deleted).map((comment) => comment.id);
      expect(deleted.sort(), sort).toEqual([roots[1], roots[3]].sort());
      expect(page.comments.find((comment) => comment.id === roots[1])?.body, sort).toBeNull();
    }
  });

  it("answers nothing for a cursor that is not a top-level comment of the post", async () => {
    const post = await createPost();
    const other = await createPost();
    const { ids } = await discussion(post.id, 3, () => 1);
    const [elsewhere] = await createComments(other.id, [{}]);
    for (const sort of ["newest", "best"] as const)
      for (const after of [ids[1], elsewhere, 2_000_000_000])
        expect((await getCommentPage(post.id, after, sort)).comments, `${sort} ${after}`).toEqual([]);
  });

  it("sends the same number of SQL statements for a small and a large thread, in every order", async () => {
    for (const sort of ["newest", "best"] as const) {
      const counts: number[] = [];
      for (const [threads, replies] of [
        [10, 2],
        [400, 6],
      ]) {
        const post = await createPost();
        await discussion(post.id, threads, () => replies);
        const before = sqlStatementCounter.count;
        const page = await getCommentPage(post.id, null, sort);
        counts.push(sqlStatementCounter.count - before);
        const next = page.nextCursor;
        if (next !== null) {
          const between = sqlStatementCounter.count;
          await getCommentPage(post.id, next, sort);
          counts.push(sqlStatementCounter.count - between);
        }
      }
      // Six, plus one for the authors' roles (the staff badge), as in Oldest.
      expect(
        counts.every((count) => count === 7),
        `${sort}: ${counts}`,
      ).toBe(true);
    }
  });

  it("leads a permalink to the page that shows the comment in the order asked for", async () => {
    const post = await createPost();
    const { roots, ids } = await discussion(post.id, 90, (i) => i % 2);
    await setLikes(new Map(roots.map((id, i) => [id, i % 7])));
    const path = "/2024/06/p";
    for (const sort of ["newest", "best"] as const) {
      const pages = await allPages(post.id, sort);
      const late = pages.at(-1)!.comments.at(-1)!.id;
      const first = pages[0].comments[0].id;
      const location = await locateComment(late, sort);
      expect(location?.view, sort).toMatchObject({ kind: "page", sort });
      if (location?.view.kind !== "page") throw new Error("expected a page");
      const page = await getCommentPage(post.id, location.view.after, sort);
      expect(page.comments.map((comment) => comment.id)).toContain(late);
      expect(commentViewPath(path, location.view, late)).toBe(
        `${path}/comments/${sort}-${location.view.after}#c${late}`,
      );
      expect((await locateComment(first, sort))?.view).toEqual({ kind: "first-page", sort });
      expect(commentViewPath(path, { kind: "first-page", sort }, first)).toBe(
        `${path}?sort=${sort}#c${first}`,
      );
    }
    expect(ids.length).toBeGreaterThan(COMMENTS_PER_PAGE);
  });
});
