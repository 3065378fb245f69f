import type { ReactNode } from "react";
import { CommentItem, type CommentSlots } from "@/components/comments/comment-item";
import { CommentCountHeading, ThreadCountProvider } from "@/components/comments/thread-count";
import { buildCommentTree, capThreadDepth, countLiveComments, type ThreadComment } from "@/lib/comments/tree";

/** Indentation stops here; deeper replies are listed flat under their ancestor. */
export const MAX_RENDERED_DEPTH = 6;

type CommentThreadProps = CommentSlots & {
  comments: ThreadComment[];
  postPath: string;
  /** Sign-in prompt or the "Post a comment" form, under the thread. */
  footer?: ReactNode;
};

export function CommentThread({ comments, postPath, actions, footer }: CommentThreadProps) {
  const roots = capThreadDepth(buildCommentTree(comments), MAX_RENDERED_DEPTH);
  const count = countLiveComments(comments);
  return (
    <ThreadCountProvider count={count}>
      <section id="comments" aria-labelledby="comments-heading" className="mt-12 border-t border-line pt-6">
        <CommentCountHeading count={count} />
        {roots.length === 0 ? (
          <p className="mt-4 text-muted">No comments yet.</p>
        ) : (
          <ol className="mt-4 list-decimal space-y-2 pl-6 marker:text-muted">
            {roots.map((comment) => (
              <CommentItem key={comment.id} comment={comment} postPath={postPath} actions={actions} />
            ))}
          </ol>
        )}
        {footer && <div className="mt-6">{footer}</div>}
      </section>
    </ThreadCountProvider>
  );
}
