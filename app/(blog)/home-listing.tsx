import { notFound } from "next/navigation";
import { Pager } from "@/components/posts/pager";
import { PostList } from "@/components/posts/post-list";
import { config } from "@/lib/config";
import { getPublishedPosts } from "@/lib/data/posts";

/** The home page's listing, page `page` (1 at `/`, N at `/?page=N`; both rewritten to /page/N). */
export async function renderHomeListing(page: number) {
  const { posts, hasOlder } = await getPublishedPosts({ page, perPage: config.postsPerPage });
  if (posts.length === 0 && page > 1) notFound();
  return (
    <>
      <h1 className="sr-only">{config.title}</h1>
      {posts.length === 0 ? (
        <p className="text-muted">Nothing has been published yet.</p>
      ) : (
        <PostList posts={posts} />
      )}
      <Pager basePath="/" page={page} hasOlder={hasOlder} />
    </>
  );
}
