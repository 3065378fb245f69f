import Link from "next/link";
import { DateHeader } from "@/components/date-header";
import type { PostSummary } from "@/lib/data/posts";
import { dayKey } from "@/lib/text/dates";

type PostListProps = { posts: PostSummary[] };

/** Posts grouped under Blogger-style date headers, each with its teaser and comment count. */
export function PostList({ posts }: PostListProps) {
  return groupByDay(posts).map((day) => (
    <section key={day.key} className="mb-10">
      <DateHeader date={day.date} />
      {day.posts.map((post) => (
        <article key={post.id} className="mt-3">
          <h3 className="font-serif text-2xl font-bold">
            <Link href={post.path} className="hover:underline">
              {post.title}
            </Link>
          </h3>
          {post.teaser && <p className="mt-2 leading-relaxed">{post.teaser}</p>}
          <p className="mt-2 text-sm">
            <Link href={post.path} className="link">
              Read more<span className="sr-only"> of “{post.title}”</span>
            </Link>
            <span className="text-muted"> · </span>
            <Link href={`${post.path}#comments`} className="link">
              {post.commentCount} {post.commentCount === 1 ? "comment" : "comments"}
              <span className="sr-only"> on “{post.title}”</span>
            </Link>
          </p>
        </article>
      ))}
    </section>
  ));
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
