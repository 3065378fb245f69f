import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { getDiscussionTarget } from "@/lib/data/posts";
import { parseId } from "@/lib/validations/ids";
import { ComposePage } from "@/components/comments/compose-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Post a comment", robots: { index: false } };

type NewCommentPageProps = { params: Promise<{ id: string }> };

/** "Post a comment" without JavaScript, and where signed-out readers land after signing in. */
export default async function NewCommentPage({ params }: NewCommentPageProps) {
  const { id } = await params;
  const user = await requireUser(`/posts/${id}/comment`);
  const postId = parseId(id);
  const post = postId === null ? null : await getDiscussionTarget(postId);
  if (!post) notFound();

  return (
    <ComposePage
      user={user}
      back={{ href: `${post.path}#comments`, label: post.title }}
      heading="Post a comment"
      target={{ postId: post.id, parentId: null, commentsEnabled: post.commentsEnabled }}
    />
  );
}
