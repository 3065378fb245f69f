import { UserText } from "@/components/user-text";
import { HOLD_REASON_LABELS } from "@/lib/comments/hold-rules";
import type { HeldQueueComment } from "@/lib/data/held-comments";
import { formatTimestamp } from "@/lib/text/dates";
import { CommentPlace } from "./comment-place";
import { moderateHeldAction } from "./actions";

const button = "rounded border border-line px-3 py-1 text-sm font-semibold";

/**
 * Comments held for review, oldest first, in one plain form: a button row per comment,
 * and the same actions for the ticked ones, so it all works without JavaScript.
 */
export function HeldQueue({ comments, total }: { comments: HeldQueueComment[]; total: number }) {
  return (
    <section aria-labelledby="held-heading" className="mt-8">
      <h2 id="held-heading" className="text-xl font-bold">
        Held for review ({total})
      </h2>
      {comments.length === 0 ? (
        <p className="mt-2 text-muted">No comments are waiting.</p>
      ) : (
        <form action={moderateHeldAction} className="mt-4">
          <ol className="space-y-4">
            {comments.map((comment) => (
              <HeldItem key={comment.id} comment={comment} />
            ))}
          </ol>
          <fieldset className="mt-4 flex flex-wrap items-center gap-3 rounded border border-line p-3">
            <legend className="px-1 text-sm font-semibold">With the ticked comments</legend>
            <button type="submit" name="act" value="approve" className={button}>
              Approve selected
            </button>
            <button type="submit" name="act" value="approve-trust" className={button}>
              Approve selected and trust their authors
            </button>
            <button type="submit" name="act" value="delete" className={`${button} text-danger`}>
              Delete selected
            </button>
            <button type="submit" name="act" value="spam" className={`${button} text-danger`}>
              Delete selected as spam
            </button>
          </fieldset>
          {total > comments.length && (
            <p className="mt-2 text-sm text-muted">
              The oldest {comments.length} are shown; the rest follow as these are handled.
            </p>
          )}
        </form>
      )}
    </section>
  );
}

function HeldItem({ comment }: { comment: HeldQueueComment }) {
  const label = `held comment ${comment.id} by ${comment.authorName}`;
  return (
    <li
      className="rounded border border-line p-4"
      aria-label={`Held comment ${comment.id} by ${comment.authorName}`}
    >
      <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="commentId" value={comment.id} aria-label={`Select ${label}`} />
          <strong>
            <bdi>{comment.authorName}</bdi>
          </strong>
        </label>
        {comment.author && (
          <span className="text-muted">
            {comment.author.email} · joined {formatTimestamp(comment.author.createdAt)}
            {comment.author.trusted && " · trusted"}
          </span>
        )}
        <span className="text-muted">· {formatTimestamp(comment.createdAt)} · on</span>
        <CommentPlace commentId={comment.id} post={comment.post} />
      </p>
      <p className="mt-1 text-sm font-semibold">
        Held because:{" "}
        {comment.reasons.length > 0
          ? comment.reasons.map((reason) => HOLD_REASON_LABELS[reason]).join(", ")
          : "no reason recorded"}
      </p>
      <div className="mt-2 text-sm [overflow-wrap:anywhere]">
        <UserText text={comment.body} className="space-y-2" />
      </div>
      <div className="mt-3 flex flex-wrap gap-3">
        <button
          type="submit"
          name="act"
          value={`approve:${comment.id}`}
          className={button}
          aria-label={`Approve ${label}`}
        >
          Approve
        </button>
        {comment.author && !comment.author.trusted && (
          <button
            type="submit"
            name="act"
            value={`approve-trust:${comment.id}`}
            className={button}
            aria-label={`Approve ${label} and trust the author`}
          >
            Approve and trust author
          </button>
        )}
        <button
          type="submit"
          name="act"
          value={`delete:${comment.id}`}
          className={`${button} text-danger`}
          aria-label={`Delete ${label}`}
        >
          Delete
        </button>
        <button
          type="submit"
          name="act"
          value={`spam:${comment.id}`}
          className={`${button} text-danger`}
          aria-label={`Delete ${label} as spam`}
        >
          Spam
        </button>
      </div>
    </li>
  );
}
