import { UserText } from "@/components/user-text";
import type { CommentNode } from "@/lib/comments/tree";

const TOMBSTONE = {
  author: "This comment has been removed by the author.",
  moderator: "This comment has been removed by a blog administrator.",
} as const;

/** The text of a comment, its tombstone if deleted, or a note if it never had text. */
export function CommentBody({ comment }: { comment: Pick<CommentNode, "body" | "deleted"> }) {
  if (comment.deleted) return <p className="text-muted italic">{TOMBSTONE[comment.deleted]}</p>;
  if (!comment.body?.trim()) return <p className="text-muted italic">This comment has no text.</p>;
  return <UserText text={comment.body} className="space-y-3" />;
}
