import { likeCountLabel } from "@/lib/comments/messages";
import { sortSearch, type CommentSort } from "@/lib/comments/sort";

/** The like page of a comment (per request): how readers without JavaScript, or signed out, like. */
export function likePagePath(commentId: number, sort: CommentSort): string {
  return `/comments/${commentId}/like${sortSearch(sort)}`;
}

/** What the cached page shows every reader: the count, and a link to like on a page of its own. */
export function LikeLink({
  commentId,
  sort,
  likeCount,
}: {
  commentId: number;
  sort: CommentSort;
  likeCount: number;
}) {
  return (
    <span className="inline-flex items-baseline gap-x-2">
      <a href={likePagePath(commentId, sort)} className="link">
        Like
      </a>
      {likeCount > 0 && <span className="text-muted">{likeCountLabel(likeCount)}</span>}
    </span>
  );
}

/** The count alone, where the viewer may not like (their own comment, a ban). */
export function LikeCount({ likeCount }: { likeCount: number }) {
  return likeCount > 0 ? <span className="text-muted">{likeCountLabel(likeCount)}</span> : null;
}
