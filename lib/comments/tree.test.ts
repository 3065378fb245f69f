import { describe, expect, it } from "vitest";
import {
  buildCommentTree,
  capThreadDepth,
  countLiveComments,
  type CommentNode,
  type ThreadComment,
} from "./tree";

let clock = Date.UTC(2024, 5, 19);
function comment(id: number, parentId: number | null, extra: Partial<ThreadComment> = {}): ThreadComment {
  clock += 60_000;
  return {
    id,
    parentId,
    authorId: null,
    authorName: `Author ${id}`,
    authorRole: null,
    body: `Body ${id}`,
    createdAt: new Date(clock),
    hidden: false,
    editedAt: null,
    deleted: null,
    likeCount: 0,
    ...extra,
  };
}

const ids = (nodes: CommentNode[]) => nodes.map((node) => node.id);

describe("buildCommentTree", () => {
  it("nests replies under their parents in creation order", () => {
    const rows = [
      comment(1, null),
      comment(2, 1),
      comment(3, null),
      comment(4, 3),
      comment(5, 3),
      comment(6, 5),
    ];
    const roots = buildCommentTree(rows.reverse());
    expect(ids(roots)).toEqual([1, 3]);
    expect(ids(roots[0].replies)).toEqual([2]);
    expect(ids(roots[1].replies)).toEqual([4, 5]);
    expect(ids(roots[1].replies[1].replies)).toEqual([6]);
    expect(roots[1].replies[1].replies[0].depth).toBe(2);
  });

  it("keeps a deleted comment with live replies as a tombstone and drops one without", () => {
    const rows = [
      comment(1, null, { deleted: "moderator", body: null }),
      comment(2, 1),
      comment(3, null, { deleted: "author", body: null }),
      comment(4, 3, { deleted: "moderator", body: null }),
      comment(5, null),
    ];
    const roots = buildCommentTree(rows);
    expect(ids(roots)).toEqual([1, 5]);
    expect(roots[0].deleted).toBe("moderator");
    expect(ids(roots[0].replies)).toEqual([2]);
  });

  it("keeps a chain of deleted comments above a live grandchild", () => {
    const rows = [
      comment(1, null, { deleted: "author" }),
      comment(2, 1, { deleted: "moderator" }),
      comment(3, 2),
    ];
    const roots = buildCommentTree(rows);
    expect(ids(roots)).toEqual([1]);
    expect(ids(roots[0].replies[0].replies)).toEqual([3]);
  });

  it("shows a comment whose parent is missing at the top level instead of losing it", () => {
    expect(ids(buildCommentTree([comment(7, 99)]))).toEqual([7]);
  });

  it("builds a 5,000-deep chain without recursion", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => comment(i + 1, i === 0 ? null : i));
    let node = buildCommentTree(rows)[0];
    let depth = 0;
    while (node.replies.length > 0) {
      node = node.replies[0];
      depth++;
    }
    expect(depth).toBe(4999);
    expect(node.depth).toBe(4999);
  });
});

describe("capThreadDepth", () => {
  it("lists replies below the cap flat, in reading order, saying whom they answer", () => {
    // 1 → 2 → 3 → 4, and 3 → 5; cap at depth 1.
    const rows = [comment(1, null), comment(2, 1), comment(3, 2), comment(4, 3), comment(5, 3)];
    const roots = capThreadDepth(buildCommentTree(rows), 1);
    const capped = roots[0].replies[0];
    expect(capped.id).toBe(2);
    expect(ids(capped.replies)).toEqual([3, 4, 5]);
    expect(capped.replies.every((reply) => reply.replies.length === 0 && reply.depth === 2)).toBe(true);
    expect(capped.replies[0].inReplyTo).toBeUndefined();
    expect(capped.replies[1].inReplyTo).toEqual({ id: 3, authorName: "Author 3" });
  });

  it("leaves shallow threads untouched", () => {
    const rows = [comment(1, null), comment(2, 1)];
    const roots = capThreadDepth(buildCommentTree(rows), 6);
    expect(ids(roots[0].replies)).toEqual([2]);
  });
});

describe("countLiveComments", () => {
  it("counts replies and skips deleted comments", () => {
    expect(
      countLiveComments([comment(1, null), comment(2, 1), comment(3, null, { deleted: "author" })]),
    ).toBe(2);
  });
});
