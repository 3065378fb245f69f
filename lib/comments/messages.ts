import type { CreateCommentRejection } from "@/lib/data/comment-writes";

/** What a commenter reads when a comment is refused: what happened and what to do. */
export function rejectionMessage(rejection: CreateCommentRejection): string {
  switch (rejection.reason) {
    case "post-missing":
      return "This post is no longer available, so it cannot take comments.";
    case "comments-closed":
      return "Comments are closed on this post.";
    case "parent-missing":
      return "The comment you are replying to does not exist on this post.";
    case "parent-deleted":
      return "The comment you are replying to has been removed, so it cannot take replies.";
    case "banned":
      return "Your account has been banned from commenting.";
    case "duplicate":
      return "You have already posted this exact comment.";
    case "too-fast":
      return `You are commenting too quickly. Please slow down and try again in ${rejection.retryAfterSeconds} ${rejection.retryAfterSeconds === 1 ? "second" : "seconds"}.`;
    case "hourly-limit":
      return "You have posted a lot of comments in the last hour. Please slow down and try again later.";
  }
}
