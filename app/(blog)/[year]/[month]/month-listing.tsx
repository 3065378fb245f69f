import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pager } from "@/components/posts/pager";
import { PostList } from "@/components/posts/post-list";
import { config } from "@/lib/config";
import { getPublishedPosts } from "@/lib/data/posts";
import { feedAlternates } from "@/lib/feeds/paths";
import { monthName } from "@/lib/text/dates";
import { monthRange } from "@/lib/text/time-zone";
import { parseYearMonth } from "@/lib/validations/listing";

type RawMonth = { year: string; month: string };

export function monthMetadata(raw: RawMonth): Metadata {
  const parsed = parseYearMonth(raw);
  if (!parsed) return {};
  return {
    title: `${monthName(parsed.month)} ${parsed.year}`,
    alternates: feedAlternates({ canonical: `/${raw.year}/${raw.month}` }),
  };
}

/** Blogger's month archive, /YYYY/MM: that month's posts in the blog's time zone. */
export async function renderMonthListing(raw: RawMonth, page: number) {
  const parsed = parseYearMonth(raw);
  if (!parsed) notFound();
  const { posts, hasOlder } = await getPublishedPosts({
    page,
    perPage: config.postsPerPage,
    filter: monthRange(parsed.year, parsed.month),
  });
  // An empty month is not a page of this blog, whichever page number was asked for.
  if (posts.length === 0) notFound();

  return (
    <>
      <h1 className="mb-8 border-b border-line pb-3 text-lg">
        Posts from <strong>{`${monthName(parsed.month)} ${parsed.year}`}</strong>
      </h1>
      <PostList posts={posts} />
      <Pager basePath={`/${raw.year}/${raw.month}`} page={page} hasOlder={hasOlder} />
    </>
  );
}
