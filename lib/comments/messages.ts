import type { CreateCommentRejection } from "@/lib/data/comment-writes";
import type { EditRejection } from "@/lib/data/comment-edits";
import type { DeletionKind } from "@/lib/comments/tree";
import { refusalFor, type PermissionSubject } from "@/lib/auth/permissions";

/** Everything the comment feature says to readers, commenters and moderators. */
export const COMMENT_MESSAGES = {
  banned: "Your account has been banned from commenting.",
  cannotComment: "Your account cannot comment.",
  /** "Unverified accounts can comment" is off (docs/decisions/034); the way to verify is on /account. */
  unverified:
    "Confirm your email address to comment: follow the link we mailed you when you signed up, or send a new one from your account page (/account). Your text is kept here.",
  closed: "Comments are closed on this post.",
  noText: "This comment has no text.",
  deleteForbidden: "You can only delete your own comments.",
  deleteGone: "That comment no longer exists.",
  /** In place of a comment enough readers reported, until a moderator reviews it. */
  hiddenPendingReview: "This comment is hidden pending review.",
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
    case "unverified":
      return COMMENT_MESSAGES.unverified;
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

/** What an editor reads when an edit is refused (docs/decisions/029). */
export function editRejectionMessage(rejection: EditRejection, windowMinutes?: number): string {
  switch (rejection.reason) {
    case "not-found":
    case "deleted":
      return "This comment has been removed, so it cannot be edited.";
    case "forbidden":
      return "You can only edit your own comments.";
    case "held":
      return "This comment is awaiting moderation: approve or delete it instead.";
    case "window-closed":
      return windowMinutes
        ? `Comments can be edited for ${windowMinutes} ${windowMinutes === 1 ? "minute" : "minutes"} after posting; this one can no longer be.`
        : "This comment can no longer be edited.";
    case "conflict":
      return "This comment was changed since you opened it. Reload the page to see the current text, then edit again.";
    case "note-required":
      return "Say why you are editing someone else's comment (readers see only “edited”; moderators see your note).";
    default:
      return rejectionMessage(rejection as CreateCommentRejection);
  }
}

/** Said after an edit, with JavaScript (announced) or as a page's notice. */
export const EDIT_MESSAGES = {
  saved: "Your changes are saved.",
  unchanged: "Nothing changed.",
  held: "Your edit is awaiting moderation: readers will see the comment again once it is approved.",
} as const;

export const REPORT_MESSAGES = {
  sent: "Thank you. Moderators will review this comment.",
  own: "You cannot report your own comment.",
  "already-reported": "You have already reported this comment. Moderators will review it.",
  "too-many": "You have sent a lot of reports in the last hour. Please try again later.",
  "not-found": "This comment is no longer available to report.",
  forbidden: "Your account cannot report comments.",
} as const;

/** "3 likes" */
export function likeCountLabel(count: number): string {
  return `${count} ${count === 1 ? "like" : "likes"}`;
}

/** A reader liking too quickly (lib/data/comment-likes.ts LIKE_RATE). */
export function likeTooFastMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `You are liking comments too quickly. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
}
