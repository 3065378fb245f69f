import { UserText } from "@/components/user-text";
import { COMMENT_MESSAGES, TOMBSTONES } from "@/lib/comments/messages";
import type { CommentNode } from "@/lib/comments/tree";

/** The text of a comment, its tombstone if deleted, or a note if it never had text. */
export function CommentBody({ comment }: { comment: Pick<CommentNode, "body" | "deleted" | "hidden"> }) {
  if (comment.deleted) return <p className="text-muted italic">{TOMBSTONES[comment.deleted]}</p>;
  if (comment.hidden) return <p className="text-muted italic">{COMMENT_MESSAGES.hiddenPendingReview}</p>;
  if (!comment.body?.trim()) return <p className="text-muted italic">{COMMENT_MESSAGES.noText}</p>;
  return <UserText text={comment.body} className="space-y-3" />;
}
