import type { ReactNode } from "react";

/** The indented list of replies under a comment (also what a reply published in place fills). */
export function CommentReplies({ children }: { children: ReactNode }) {
  return (
    <div className="comment-replies border-l-2 border-line pl-3 sm:pl-5">
      <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">Replies</h3>
      <ol aria-label="Replies" className="list-none">
        {children}
      </ol>
    </div>
  );
}
