import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCommentSubtree } from "@/lib/data/comment-pages";
import { parseId } from "@/lib/validations/ids";
import { Discussion } from "@/components/comments/discussion";
import { DiscussionHeader } from "@/components/comments/discussion-header";
import { loadPost, type PostParams } from "../../load-post";

type ThreadPageProps = { params: PostParams & Promise<{ commentId: string }> };

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: ThreadPageProps): Promise<Metadata> {
  const post = await loadPost(params);
  return post
    ? { title: `A thread on ${post.title}`, alternates: { canonical: post.path }, robots: { index: false } }
    : {};
}

/** "Continue this thread": one comment and the replies below it. */
export default async function ThreadPage({ params }: ThreadPageProps) {
  const [post, { commentId: rawId }] = await Promise.all([loadPost(params), params]);
  const commentId = parseId(rawId);
  const subtree = post && commentId !== null ? await getCommentSubtree(commentId) : null;
  if (!post || !subtree || subtree.postId !== post.id) notFound();
  return (
    <>
      <DiscussionHeader title={post.title} path={post.path} heading={`A thread on ${post.title}`} />
      <Discussion post={post} page={subtree.page} numbered={false} />
    </>
  );
}
