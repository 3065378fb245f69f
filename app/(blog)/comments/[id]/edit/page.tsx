import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { safeReturnPath } from "@/lib/auth/redirects";
import { editRejectionMessage } from "@/lib/comments/messages";
import { commentPermalink } from "@/lib/comments/paths";
import { getCommentForEdit } from "@/lib/data/comment-edits";
import { getCommentSettings } from "@/lib/data/comment-settings";
import { parseId } from "@/lib/validations/ids";
import { EditPageForm } from "./edit-page-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit comment", robots: { index: false } };

type EditPageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ returnTo?: string }> };

/**
 * Editing a comment without JavaScript (the post page is cached and the same for
 * everyone; its "Edit" links lead here). The server decides again whether the viewer
 * may, and the action decides once more when the form is sent.
 */
export default async function EditCommentPage({ params, searchParams }: EditPageProps) {
  const { id } = await params;
  const user = await requireUser(`/comments/${id}/edit`);
  const commentId = parseId(id);
  if (commentId === null) notFound();
  const found = await getCommentForEdit(user, commentId);
  if (!found.ok && found.reason === "not-found") notFound();
  const returnTo = safeReturnPath((await searchParams).returnTo, commentPermalink(commentId));
  if (!found.ok && found.reason === "held") redirect(`/comments/${commentId}/held`);

  return (
    <>
      <p className="text-sm">
        <a href={returnTo} className="link">
          Back to the comment
        </a>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-bold">Edit comment</h1>
      {found.ok ? (
        <>
          <p className="mt-2 text-sm text-muted">
            On “{found.comment.postTitle}”. Readers will see that it was edited, and when.
          </p>
          <div className="mt-4">
            <EditPageForm
              commentId={found.comment.id}
              body={found.comment.body}
              version={found.comment.version}
              asModerator={found.comment.as === "moderator"}
              returnTo={returnTo}
            />
          </div>
        </>
      ) : (
        <p role="alert" className="mt-4">
          {editRejectionMessage(found, (await getCommentSettings()).editWindowMinutes)}
        </p>
      )}
    </>
  );
}
