import type { ReactNode } from "react";
import { CommentItem, type CommentSlots } from "@/components/comments/comment-item";
import { CommentCountHeading, ThreadCountProvider } from "@/components/comments/thread-count";
import { ThreadAnnouncer } from "@/components/comments/thread-announcer";
import { buildCommentTree, capThreadDepth, type ThreadComment } from "@/lib/comments/tree";

/** Indentation stops here; deeper replies are listed flat under their ancestor. */
export const MAX_RENDERED_DEPTH = 6;

type CommentListProps = CommentSlots & {
  comments: ThreadComment[];
  postPath: string;
  /** Blogger numbers the top-level comments of the first page. */
  numbered?: boolean;
  className?: string;
  /** Shown instead of an empty list. The list is rendered even then: comments published in place join it. */
  empty?: ReactNode;
  /** Top-level comments in the order to show them (a sorted page); absent: conversation order. */
  rootOrder?: number[] | null;
};

/** One page of a discussion as a list of threads (also what "Load more" appends). */
export function CommentList({
  comments,
  postPath,
  postAuthorId,
  actions,
  hiddenReplies,
  numbered = true,
  className = "",
  empty,
  rootOrder,
}: CommentListProps) {
  const roots = inOrder(
    capThreadDepth(buildCommentTree(comments, { hiddenReplies }), MAX_RENDERED_DEPTH),
    rootOrder,
  );
  return (
    <>
      <ol
        className={`${numbered ? "list-decimal space-y-2 pl-6 marker:text-muted" : "list-none space-y-2"} empty:hidden ${className}`}
      >
        {roots.map((comment) => (
          <CommentItem
            key={comment.id}
            comment={comment}
            postPath={postPath}
            postAuthorId={postAuthorId}
            actions={actions}
            hiddenReplies={hiddenReplies}
          />
        ))}
      </ol>
      {roots.length === 0 && empty}
    </>
  );
}

/** `roots` in `order` (ids); any not named keep their place after those that are. */
function inOrder<T extends { id: number }>(roots: T[], order: number[] | null | undefined): T[] {
  if (!order) return roots;
  const rank = new Map(order.map((id, index) => [id, index]));
  const last = order.length;
  return [...roots].sort((a, b) => (rank.get(a.id) ?? last) - (rank.get(b.id) ?? last));
}

type CommentThreadProps = CommentListProps & {
  /** Under the heading: the sort links. */
  toolbar?: ReactNode;
  /** Live comments in the whole discussion, for "N comments:". */
  total: number;
  /** The live thread's banner and the new comments it shows (live-thread.tsx), under the list. */
  live?: ReactNode;
  /** "Load more comments", under the list. */
  more?: ReactNode;
  /** The "Post a comment" form or what stands in its way, under the thread. */
  footer?: ReactNode;
};

export function CommentThread({
  comments,
  total,
  postPath,
  postAuthorId,
  actions,
  hiddenReplies,
  numbered,
  more,
  live,
  footer,
  rootOrder,
  toolbar,
}: CommentThreadProps) {
  return (
    <ThreadCountProvider count={total}>
      <section id="comments" aria-labelledby="comments-heading" className="mt-12 border-t border-line pt-6">
        <CommentCountHeading count={total} />
        {toolbar}
        <ThreadAnnouncer />
        <CommentList
          rootOrder={rootOrder}
          comments={comments}
          postPath={postPath}
          postAuthorId={postAuthorId}
          actions={actions}
          hiddenReplies={hiddenReplies}
          numbered={numbered}
          className="mt-4"
          empty={<p className="mt-4 text-muted [ol:not(:empty)+&]:hidden">No comments yet.</p>}
        />
        {live}
        {more}
        {footer && <div className="mt-6">{footer}</div>}
      </section>
    </ThreadCountProvider>
  );
}
