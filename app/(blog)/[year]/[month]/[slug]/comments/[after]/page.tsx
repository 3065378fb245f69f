import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCommentPage } from "@/lib/data/comment-pages";
import { parseId } from "@/lib/validations/ids";
import { Discussion } from "@/components/comments/discussion";
import { DiscussionHeader } from "@/components/comments/discussion-header";
import { loadPost, type PostParams } from "../../load-post";

type CommentPageProps = { params: PostParams & Promise<{ after: string }> };

// Each further page of a discussion is cached on its own, like the post.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: CommentPageProps): Promise<Metadata> {
  const post = await loadPost(params);
  // One canonical URL for the discussion: the post's.
  return post
    ? { title: `Comments on ${post.title}`, alternates: { canonical: post.path }, robots: { index: false } }
    : {};
}

/** "Load more comments" without JavaScript: the discussion from a top-level comment on. */
export default async function CommentPage({ params }: CommentPageProps) {
  const [post, { after: rawAfter }] = await Promise.all([loadPost(params), params]);
  const after = parseId(rawAfter);
  if (!post || after === null) notFound();
  const page = await getCommentPage(post.id, after);
  if (page.comments.length === 0) notFound();
  return (
    <>
      <DiscussionHeader title={post.title} path={post.path} heading={`Comments on ${post.title}`} />
      <Discussion post={post} page={page} numbered={false} />
    </>
  );
}
