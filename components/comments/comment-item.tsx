import type { ReactNode } from "react";
import { CommentBody } from "@/components/comments/comment-body";
import { LiveCommentBody } from "@/components/comments/live-comment-body";
import { CommentReplies } from "@/components/comments/comment-replies";
import { Avatar } from "@/components/people/avatar";
import { RoleBadge } from "@/components/comments/staff-badge";
import { profilePath } from "@/lib/people/paths";
import type { CommentNode } from "@/lib/comments/tree";
import { commentAnchor, commentHash, commentThreadPath } from "@/lib/comments/paths";
import { COMMENT_MESSAGES } from "@/lib/comments/messages";
import { CommentTime } from "@/components/comments/comment-time";
import { config } from "@/lib/config";
import { formatDate, formatExactTime } from "@/lib/text/dates";

export type CommentSlots = {
  /** Controls under a comment (Reply, Delete); the same for every reader on cached pages. */
  actions?: (comment: CommentNode) => ReactNode;
  /** Comment id → replies below it that this page does not show ("Continue this thread"). */
  hiddenReplies?: Record<number, number>;
  /** The post's author: their comments carry an "Author" badge. */
  postAuthorId?: string | null;
};

/**
 * How a held comment is marked: to its author ("awaiting moderation") or to a moderator
 * (with why it was held). Only ever rendered for one viewer, never into a cached page.
 */
export type HeldMark = "author" | { reasons: string[] };

type CommentItemProps = CommentSlots & {
  held?: HeldMark;
  comment: CommentNode;
  postPath: string;
  /** Published just now and shown in place, not (yet) part of the page's own thread. */
  published?: boolean;
};

export function CommentItem({
  comment,
  postPath,
  postAuthorId = null,
  actions,
  hiddenReplies = {},
  published,
  held,
}: CommentItemProps) {
  const anchor = commentAnchor(comment.id);
  // Blogger's permalink form, so links copied from either engine look alike; the server
  // finds the page the comment is on (next.config.ts redirects it).
  const permalink = `${postPath}?showComment=${comment.createdAt.getTime()}${commentHash(comment.id)}`;
  const hidden = hiddenReplies[comment.id] ?? 0;
  return (
    <li
      id={anchor}
      tabIndex={-1}
      className="scroll-mt-4 rounded-md outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      aria-labelledby={`${anchor}-author`}
      data-published={published ? "" : undefined}
      data-held={held ? "" : undefined}
      data-deleted={comment.deleted ? "" : undefined}
    >
      <article
        aria-labelledby={`${anchor}-author`}
        className={`rounded-md py-3 target:bg-highlight ${held ? "border border-dashed border-line px-3" : ""}`}
      >
        {held && (
          <p className="mb-1 text-sm font-semibold text-muted">
            {held === "author"
              ? COMMENT_MESSAGES.awaitingModeration
              : `Held for review${held.reasons.length > 0 ? `: ${held.reasons.join(", ")}` : ""}.`}
          </p>
        )}
        <header className="flex flex-wrap items-center gap-x-2 text-sm">
          <Avatar userId={comment.authorId} name={comment.authorName} gravatarHash={comment.gravatarHash} />
          <span id={`${anchor}-author`} className="font-semibold">
            {comment.authorId ? (
              <a href={profilePath(comment.authorId)} className="hover:underline">
                <bdi>{comment.authorName}</bdi>
              </a>
            ) : (
              <bdi>{comment.authorName}</bdi>
            )}
          </span>
          {postAuthorId !== null && comment.authorId === postAuthorId && <RoleBadge role="author" />}
          {comment.authorRole && <RoleBadge role={comment.authorRole} />}
          <a href={permalink} className="text-muted hover:underline">
            <CommentTime
              iso={comment.createdAt.toISOString()}
              blogDate={formatDate(comment.createdAt)}
              blogExact={formatExactTime(comment.createdAt)}
              locale={config.locale}
            />
          </a>
          {comment.editedAt && !comment.deleted && (
            <span className="text-muted">
              (edited{" "}
              <CommentTime
                iso={comment.editedAt.toISOString()}
                blogDate={formatDate(comment.editedAt)}
                blogExact={formatExactTime(comment.editedAt)}
                locale={config.locale}
              />
              )
            </span>
          )}
          {comment.inReplyTo && (
            <a href={commentHash(comment.inReplyTo.id)} className="text-muted hover:underline">
              replying to <bdi>{comment.inReplyTo.authorName}</bdi>
            </a>
          )}
        </header>
        {/* The in-place edit form (components/comments/edit-comment.tsx) takes the text's place. */}
        <div id={`${anchor}-body`} className="mt-2 leading-relaxed [overflow-wrap:anywhere]">
          <LiveCommentBody commentId={comment.id}>
            <CommentBody comment={comment} />
          </LiveCommentBody>
        </div>
        <div id={`${anchor}-editor`} />
        {actions && <div className="mt-2">{actions(comment)}</div>}
      </article>
      {comment.replies.length > 0 && (
        <CommentReplies>
          {comment.replies.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              postPath={postPath}
              postAuthorId={postAuthorId}
              actions={actions}
              hiddenReplies={hiddenReplies}
            />
          ))}
        </CommentReplies>
      )}
      {hidden > 0 && (
        <p className="no-print mt-1 border-l-2 border-line pl-3 text-sm sm:pl-5">
          <a href={commentThreadPath(postPath, comment.id)} className="font-semibold link">
            Continue this thread ({hidden} more {hidden === 1 ? "reply" : "replies"})
          </a>
        </p>
      )}
    </li>
  );
}
