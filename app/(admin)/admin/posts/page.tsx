import type { Metadata } from "next";
import Link from "next/link";
import { requireAuthor } from "@/lib/auth/require-author";
import { listAdminPosts, type AdminPostRow } from "@/lib/data/admin-posts";
import { formatTimestamp } from "@/lib/text/dates";

export const metadata: Metadata = { title: "Posts", robots: { index: false } };

const STATE_LABEL: Record<AdminPostRow["state"], string> = {
  draft: "Draft",
  scheduled: "Scheduled",
  published: "Published",
};

export default async function AdminPostsPage() {
  await requireAuthor("/admin/posts");
  const posts = await listAdminPosts();
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Posts</h1>
        <Link href="/admin/posts/new" className="rounded bg-accent px-4 py-2 text-sm font-semibold text-page">
          New post
        </Link>
      </div>
      {posts.length === 0 ? (
        <p className="mt-6 text-muted">No posts yet.</p>
      ) : (
        <ul className="mt-6 divide-y divide-line">
          {posts.map((post) => (
            <li key={post.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
              <div className="min-w-0">
                <Link href={`/admin/posts/${post.id}`} className="font-semibold link">
                  {post.title}
                </Link>
                <p className="text-sm text-muted">
                  <span className="font-semibold">{STATE_LABEL[post.state]}</span>
                  {post.publishedAt && <> · {formatTimestamp(post.publishedAt)}</>}
                  {post.labels.length > 0 && <> · {post.labels.join(", ")}</>}
                </p>
              </div>
              {post.path && (
                <Link href={post.path} className="text-sm link">
                  View<span className="sr-only"> “{post.title}”</span>
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
