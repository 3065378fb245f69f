import { UserText } from "@/components/user-text";
import { mayBanUser, type PermissionSubject } from "@/lib/auth/permissions";
import type { QueueComment } from "@/lib/data/moderation-queue";
import { formatTimestamp } from "@/lib/text/dates";
import { CommentPlace } from "./comment-place";
import { banUserAction, moderateDeleteAction, restoreCommentAction } from "./actions";

type QueueItemProps = { comment: QueueComment; viewer: PermissionSubject & { id: string } };

const button = "rounded border border-line px-3 py-1 text-sm font-semibold";

/** One comment in the queue, with its full text (deleted or not) and what can be done. */
export function QueueItem({ comment, viewer }: QueueItemProps) {
  const author = comment.author;
  const canBan = author && !author.banned && mayBanUser(viewer, author);
  return (
    <li
      className="rounded border border-line p-4"
      aria-label={`Comment ${comment.id} by ${comment.authorName}`}
    >
      <p className="text-sm">
        <strong>
          <bdi>{comment.authorName}</bdi>
        </strong>
        {author && <span className="text-muted"> · {author.email}</span>}
        {author?.banned && <span className="text-danger"> · banned</span>}
        {comment.held && <span className="font-semibold"> · held for review</span>}
        <span className="text-muted"> · {formatTimestamp(comment.createdAt)} · on </span>
        <CommentPlace commentId={comment.id} post={comment.post} />
      </p>
      {comment.deletion && (
        <p className="mt-1 text-sm text-danger">
          Deleted{" "}
          {comment.deletion.reason === "author"
            ? "by the author"
            : `by ${comment.deletion.by ?? "a moderator"}`}{" "}
          on {formatTimestamp(comment.deletion.at)}
          {comment.deletion.note && <> — “{comment.deletion.note}”</>}
        </p>
      )}
      <div className="mt-2 text-sm [overflow-wrap:anywhere]">
        {comment.body.trim() ? (
          <UserText text={comment.body} className="space-y-2" />
        ) : (
          <p className="text-muted italic">No text.</p>
        )}
      </div>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {comment.deletion ? (
          <form action={restoreCommentAction}>
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" className={button}>
              Restore
            </button>
          </form>
        ) : (
          <form action={moderateDeleteAction}>
            <input type="hidden" name="commentId" value={comment.id} />
            <button type="submit" className={`${button} text-danger`}>
              Delete
            </button>
          </form>
        )}
        {canBan && (
          <details className="text-sm">
            <summary className="cursor-pointer font-semibold">
              Ban <bdi>{comment.authorName}</bdi>
            </summary>
            <form action={banUserAction} className="mt-2 space-y-2">
              <input type="hidden" name="userId" value={author.id} />
              <label className="block">
                Reason (optional)
                <input
                  name="reason"
                  maxLength={500}
                  className="mt-1 block w-full rounded border border-line bg-page px-2 py-1"
                />
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="deleteComments" /> Also delete all their comments
              </label>
              <button type="submit" className={`${button} text-danger`}>
                Ban user
              </button>
            </form>
          </details>
        )}
      </div>
    </li>
  );
}
