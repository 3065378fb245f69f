import { notFound } from "next/navigation";
import { Pager } from "@/components/posts/pager";
import { PostList } from "@/components/posts/post-list";
import { config } from "@/lib/config";
import { getPublishedPosts } from "@/lib/data/posts";
import { parsePageParam } from "@/lib/validations/listing";

type HomeProps = { searchParams: Promise<{ page?: string | string[] }> };

export default async function HomePage({ searchParams }: HomeProps) {
  const page = parsePageParam((await searchParams).page);
  if (page === null) notFound();
  const { posts, hasOlder } = await getPublishedPosts({ page, perPage: config.postsPerPage });
  if (posts.length === 0 && page > 1) notFound();

  return (
    <>
      <h1 className="sr-only">{config.title}</h1>
      {posts.length === 0 ? <p className="text-muted">Nothing has been published yet.</p> : <PostList posts={posts} />}
      <Pager basePath="/" page={page} hasOlder={hasOlder} />
    </>
  );
}
