import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UserText } from "@/components/user-text";
import { requireUser } from "@/lib/auth/guards";
import { commentPermalink } from "@/lib/comments/paths";
import { getCommentHistory } from "@/lib/data/comment-edits";
import { formatTimestamp } from "@/lib/text/dates";
import { parseId } from "@/lib/validations/ids";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Comment history", robots: { index: false } };

/** Every version of a comment, for moderators (docs/decisions/029); readers see only "edited". */
export default async function CommentHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/moderation/comments/${id}/history`);
  const commentId = parseId(id);
  const history = commentId === null ? null : await getCommentHistory(user, commentId);
  if (!history) notFound();
  const { comment, revisions } = history;
  return (
    <>
      <p className="text-sm">
        <Link href="/moderation" className="link">
          ← Moderation
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">
        History of a comment by <bdi>{comment.authorName}</bdi>
      </h1>
      <p className="mt-2 text-sm text-muted">
        On{" "}
        {comment.postPath ? (
          <a href={commentPermalink(comment.id)} className="link">
            {comment.postTitle}
          </a>
        ) : (
          comment.postTitle
        )}
        {comment.deleted ? " (deleted)" : ""}.
      </p>
      <ol className="mt-6 space-y-4">
        <li className="rounded border border-line p-4">
          <h2 className="text-sm font-semibold">
            Current text,{" "}
            {comment.editedAt
              ? `edited ${formatTimestamp(comment.editedAt)}`
              : `written ${formatTimestamp(comment.createdAt)}`}
          </h2>
          <div className="mt-2 [overflow-wrap:anywhere]">
            <UserText text={comment.body} className="space-y-2" />
          </div>
        </li>
        {revisions.map((revision) => (
          <li key={revision.id} className="rounded border border-line p-4">
            <h2 className="text-sm font-semibold">
              Written {formatTimestamp(revision.writtenAt)}, replaced {formatTimestamp(revision.replacedAt)}
              {revision.editorName && (
                <>
                  {" "}
                  by <bdi>{revision.editorName}</bdi>
                  {revision.byModerator ? " (moderator)" : ""}
                </>
              )}
            </h2>
            {revision.note && (
              <p className="mt-1 text-sm">
                Note: <bdi>{revision.note}</bdi>
              </p>
            )}
            <div className="mt-2 [overflow-wrap:anywhere]">
              <UserText text={revision.body} className="space-y-2" />
            </div>
          </li>
        ))}
      </ol>
      {revisions.length === 0 && <p className="mt-4 text-muted">This comment has never been edited.</p>}
    </>
  );
}
