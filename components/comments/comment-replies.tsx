import type { ReactNode } from "react";

/** The indented list of replies under a comment (also what a reply published in place fills). */
export function CommentReplies({ children }: { children: ReactNode }) {
  return (
    <div className="comment-replies border-line border-l-2 pl-3 sm:pl-5">
      <h3 className="text-muted text-xs font-semibold tracking-wide uppercase">Replies</h3>
      <ol className="list-none">{children}</ol>
    </div>
  );
}
