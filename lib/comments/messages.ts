import type { CreateCommentRejection } from "@/lib/data/comment-writes";
import type { DeletionKind } from "@/lib/comments/tree";
import { refusalFor, type PermissionSubject } from "@/lib/auth/permissions";

/** Everything the comment feature says to readers, commenters and moderators. */
export const COMMENT_MESSAGES = {
  banned: "Your account has been banned from commenting.",
  cannotComment: "Your account cannot comment.",
  closed: "Comments are closed on this post.",
  noText: "This comment has no text.",
  deleteForbidden: "You can only delete your own comments.",
  deleteGone: "That comment no longer exists.",
  moreGone: "These comments are no longer available. Reload the page.",
  likeOwn: "You cannot like your own comment.",
  likeGone: "That comment can no longer be liked: it was removed or is awaiting moderation.",
  likeBanned: "Your account has been banned from liking comments.",
  /** Shown to the author on their held comment, and after sending it. */
  awaitingModeration: "Your comment is awaiting moderation.",
} as const;

/** What readers see in place of a deleted comment that still has replies. */
export const TOMBSTONES: Record<DeletionKind, string> = {
  author: "This comment has been removed by the author.",
  moderator: "This comment has been removed by a blog administrator.",
};

/** What deleting will show, said before the deletion is confirmed. */
export function deletionWarning(as: DeletionKind): string {
  const wording = `Readers will see “${TOMBSTONES[as]}” if it has replies.`;
  return as === "moderator" ? `${wording} Moderators can restore it.` : wording;
}

/** What a commenter reads when a comment is refused: what happened and what to do. */
export function rejectionMessage(rejection: CreateCommentRejection): string {
  switch (rejection.reason) {
    case "post-missing":
      return "This post is no longer available, so it cannot take comments.";
    case "comments-closed":
      return COMMENT_MESSAGES.closed;
    case "parent-missing":
      return "The comment you are replying to does not exist on this post.";
    case "parent-deleted":
      return "The comment you are replying to has been removed, so it cannot take replies.";
    case "parent-held":
      return "The comment you are replying to is awaiting moderation; you can reply once it is approved.";
    case "too-deep":
      return `This conversation is ${rejection.maxDepth} replies deep, as deep as it can go here. Reply to an earlier comment in the thread instead.`;
    case "banned":
      return COMMENT_MESSAGES.banned;
    case "duplicate":
      return "You have already posted this exact comment here.";
    case "too-fast":
      return `You are commenting too quickly. Please slow down and try again in ${rejection.retryAfterSeconds} ${rejection.retryAfterSeconds === 1 ? "second" : "seconds"}.`;
    case "hourly-limit":
      return "You have posted a lot of comments in the last hour. Please slow down and try again later.";
  }
}

/** How the kit's refusals read when the action is commenting. */
export const COMMENTING_REFUSALS = {
  banned: COMMENT_MESSAGES.banned,
  forbidden: COMMENT_MESSAGES.cannotComment,
} as const;

/** Why a signed-in viewer gets no comment form, or null when they may comment. */
export function commentFormRefusal(viewer: PermissionSubject): string | null {
  const refusal = refusalFor(viewer, "create:comment");
  if (refusal === null) return null;
  return refusal === "banned" ? COMMENTING_REFUSALS.banned : COMMENTING_REFUSALS.forbidden;
}

/** "3 likes" */
export function likeCountLabel(count: number): string {
  return `${count} ${count === 1 ? "like" : "likes"}`;
}

/** A reader liking too quickly (lib/data/comment-likes.ts LIKE_RATE). */
export function likeTooFastMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `You are liking comments too quickly. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
