import type { ReactNode } from "react";
import { CommentBody } from "@/components/comments/comment-body";
import type { CommentNode } from "@/lib/comments/tree";
import { commentAnchor } from "@/lib/posts/paths";
import { formatTimestamp } from "@/lib/text/dates";

export type CommentSlots = {
  /** Buttons under a comment (Reply, Delete), decided by the page for its viewer. */
  actions?: (comment: CommentNode) => ReactNode;
};

type CommentItemProps = CommentSlots & { comment: CommentNode; postPath: string };

export function CommentItem({ comment, postPath, actions }: CommentItemProps) {
  const anchor = commentAnchor(comment.id);
  // Blogger's permalink form, so links copied from either engine look alike.
  const permalink = `${postPath}?showComment=${comment.createdAt.getTime()}#${anchor}`;
  return (
    <li id={anchor} tabIndex={-1} className="comment scroll-mt-4 outline-none" aria-labelledby={`${anchor}-author`}>
      <article className="rounded-md py-3 target:bg-highlight">
        <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span id={`${anchor}-author`} className="font-semibold">
            <bdi>{comment.authorName}</bdi>
          </span>
          <a href={permalink} className="text-muted hover:underline">
            <time dateTime={comment.createdAt.toISOString()}>{formatTimestamp(comment.createdAt)}</time>
          </a>
          {comment.inReplyTo && (
            <a href={`#${commentAnchor(comment.inReplyTo.id)}`} className="text-muted hover:underline">
              replying to <bdi>{comment.inReplyTo.authorName}</bdi>
            </a>
          )}
        </header>
        <div className="mt-2 leading-relaxed [overflow-wrap:anywhere]">
          <CommentBody comment={comment} />
        </div>
        {actions && <div className="mt-2">{actions(comment)}</div>}
      </article>
      {comment.replies.length > 0 && (
        <div className="comment-replies border-line border-l-2 pl-3 sm:pl-5">
          <h3 className="text-muted text-xs font-semibold tracking-wide uppercase">Replies</h3>
          <ol className="list-none">
            {comment.replies.map((reply) => (
              <CommentItem key={reply.id} comment={reply} postPath={postPath} actions={actions} />
            ))}
          </ol>
        </div>
      )}
    </li>
  );
}
