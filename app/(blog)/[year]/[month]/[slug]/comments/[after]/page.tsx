import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCommentPage } from "@/lib/data/comment-pages";
import { parseCursorToken } from "@/lib/comments/sort";
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

/**
 * "Load more comments" without JavaScript: the discussion after a top-level comment, in
 * the order the cursor names ("123", "newest-123", "best-123"; lib/comments/sort.ts).
 */
export default async function CommentPage({ params }: CommentPageProps) {
  const [post, { after: rawAfter }] = await Promise.all([loadPost(params), params]);
  const cursor = parseCursorToken(rawAfter);
  if (!post || cursor === null) notFound();
  const page = await getCommentPage(post.id, cursor.after, cursor.sort);
  if (page.comments.length === 0) notFound();
  return (
    <>
      <DiscussionHeader title={post.title} path={post.path} heading={`Comments on ${post.title}`} />
      <Discussion post={post} page={page} numbered={false} sort={cursor.sort} />
    </>
  );
}
