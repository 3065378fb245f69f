import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pager } from "@/components/posts/pager";
import { PostList } from "@/components/posts/post-list";
import { config } from "@/lib/config";
import { getPublishedPosts } from "@/lib/data/posts";
import { feedAlternates } from "@/lib/feeds/paths";
import { monthName, monthRange } from "@/lib/text/month-range";
import { parsePageParam, parseYearMonth } from "@/lib/validations/listing";

type MonthPageProps = {
  params: Promise<{ year: string; month: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
};

export async function generateMetadata({ params }: MonthPageProps): Promise<Metadata> {
  const raw = await params;
  const parsed = parseYearMonth(raw);
  if (!parsed) return {};
  return {
    title: `${monthName(parsed.month)} ${parsed.year}`,
    alternates: feedAlternates({ canonical: `/${raw.year}/${raw.month}` }),
  };
}

/** Blogger's month archive, /YYYY/MM: that month's posts in the blog's time zone. */
export default async function MonthArchivePage({ params, searchParams }: MonthPageProps) {
  const raw = await params;
  const parsed = parseYearMonth(raw);
  const page = parsePageParam((await searchParams).page);
  if (!parsed || page === null) notFound();
  const { posts, hasOlder } = await getPublishedPosts({
    page,
    perPage: config.postsPerPage,
    filter: monthRange(parsed.year, parsed.month),
  });
  // An empty month is not a page of this blog, whichever page number was asked for.
  if (posts.length === 0) notFound();

  return (
    <>
      <h1 className="border-line mb-8 border-b pb-3 text-lg">
        Posts from <strong>{`${monthName(parsed.month)} ${parsed.year}`}</strong>
      </h1>
      <PostList posts={posts} />
      <Pager basePath={`/${raw.year}/${raw.month}`} page={page} hasOlder={hasOlder} />
    </>
  );
}
