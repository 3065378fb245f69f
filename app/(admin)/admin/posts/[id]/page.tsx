import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SavedNotice } from "@/components/admin/saved-notice";
import { requireAuthor } from "@/lib/auth/require-author";
import { config } from "@/lib/config";
import { getAdminPost } from "@/lib/data/admin-posts";
import { parseId } from "@/lib/validations/ids";
import { postFormValues } from "../form-values";
import { PostForm } from "../post-form";

export const metadata: Metadata = { title: "Edit post", robots: { index: false } };

type EditPostPageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

const STATE_TEXT = { draft: "Draft", scheduled: "Scheduled", published: "Published" } as const;

export default async function EditPostPage({ params, searchParams }: EditPostPageProps) {
  const { id } = await params;
  await requireAuthor(`/admin/posts/${id}`);
  const postId = parseId(id);
  const post = postId === null ? null : await getAdminPost(postId);
  if (!post) notFound();
  const { notice } = await searchParams;
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Edit post</h1>
      <p className="mt-1 mb-4 text-sm text-muted">{STATE_TEXT[post.state]}</p>
      <div className="mb-6">
        <SavedNotice show={notice === "saved"} href={post.path} />
      </div>
      {/* Keyed by the stored version: after a save the form starts fresh from what was stored. */}
      <PostForm
        key={post.updatedAt.getTime()}
        initial={postFormValues(post)}
        published={post.status === "published"}
        timeZone={config.timeZone}
      />
    </>
  );
}
