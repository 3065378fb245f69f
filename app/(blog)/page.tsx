import Link from "next/link";
import { notFound } from "next/navigation";
import { DateHeader } from "@/components/date-header";
import { config } from "@/lib/config";
import { getPublishedPosts, type PostSummary } from "@/lib/data/posts";
import { dayKey } from "@/lib/text/dates";

type HomeProps = { searchParams: Promise<{ page?: string }> };

export default async function HomePage({ searchParams }: HomeProps) {
  const { page: pageParam } = await searchParams;
  const page = parsePage(pageParam);
  if (page === null) notFound();
  const { posts, hasOlder } = await getPublishedPosts({ page, perPage: config.postsPerPage });
  if (posts.length === 0 && page > 1) notFound();

  return (
    <>
      <h1 className="sr-only">{config.title}</h1>
      {posts.length === 0 ? (
        <p className="text-muted">Nothing has been published yet.</p>
      ) : (
        groupByDay(posts).map((day) => (
          <section key={day.key} className="mb-10">
            <DateHeader date={day.date} />
            {day.posts.map((post) => (
              <article key={post.id} className="mt-3">
                <h3 className="font-serif text-2xl font-bold">
                  <Link href={post.path} className="hover:underline">
                    {post.title}
                  </Link>
                </h3>
                {post.standfirst && <p className="mt-2 leading-relaxed">{post.standfirst}</p>}
                <p className="mt-2 text-sm">
                  <Link href={post.path} className="link">
                    Read more<span className="sr-only"> of “{post.title}”</span>
                  </Link>
                  <span className="text-muted"> · </span>
                  <Link href={`${post.path}#comments`} className="link">
                    {post.commentCount} {post.commentCount === 1 ? "comment" : "comments"}
                  </Link>
                </p>
              </article>
            ))}
          </section>
        ))
      )}
      <nav aria-label="More posts" className="flex justify-between text-sm">
        {page > 1 ? (
          <Link href={page === 2 ? "/" : `/?page=${page - 1}`} className="link">
            Newer Posts
          </Link>
        ) : (
          <span />
        )}
        {hasOlder && (
          <Link href={`/?page=${page + 1}`} className="link">
            Older Posts
          </Link>
        )}
      </nav>
    </>
  );
}

function parsePage(value: string | undefined): number | null {
  if (value === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(value)) return null;
  return Number(value);
}

function groupByDay(posts: PostSummary[]) {
  const days: { key: string; date: Date; posts: PostSummary[] }[] = [];
  for (const post of posts) {
    const key = dayKey(post.publishedAt);
    const last = days.at(-1);
    if (last?.key === key) last.posts.push(post);
    else days.push({ key, date: post.publishedAt, posts: [post] });
  }
  return days;
}
