import Link from "next/link";
import { commentHref } from "@/lib/comments/paths";

/** Where a queued comment was written: its post's title, linking to the comment while the post is readable. */
export function CommentPlace({
  commentId,
  post,
}: {
  commentId: number;
  post: { path: string | null; title: string };
}) {
  return post.path ? (
    <Link href={commentHref(post.path, commentId)} className="link">
      {post.title}
    </Link>
  ) : (
    <span>{post.title}</span>
  );
}
