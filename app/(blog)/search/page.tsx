import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HighlightedText } from "@/components/highlighted-text";
import { Pager } from "@/components/posts/pager";
import { SearchForm } from "@/components/sidebar/search-form";
import { searchPosts } from "@/lib/data/search";
import { cleanSnippet } from "@/lib/search/highlight";
import { formatDateHeader } from "@/lib/text/dates";
import { parsePageParam, parseSearchQuery } from "@/lib/validations/listing";

export const dynamic = "force-dynamic";

const RESULTS_PER_PAGE = 10;

type SearchPageProps = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export async function generateMetadata({ searchParams }: SearchPageProps): Promise<Metadata> {
  const query = parseSearchQuery((await searchParams).q);
  // Result pages are endless and thin: keep them out of search engines.
  return { title: query ? `Search results for ${query}` : "Search", robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: SearchPageProps) {
  const params = await searchParams;
  const query = parseSearchQuery(params.q);
  const page = parsePageParam(params.page);
  if (page === null) notFound();
  const { hits, hasMore } = query
    ? await searchPosts(query, { page, perPage: RESULTS_PER_PAGE })
    : { hits: [], hasMore: false };

  return (
    <>
      <h1 className="font-serif text-2xl font-bold">
        {query ? <>Search results for “{query}”</> : "Search"}
      </h1>
      <SearchForm id="search-page-q" label="Search posts" labelHidden defaultValue={query} className="mt-4" />
      {!query ? (
        <p className="mt-6 text-muted">Type a word or two to search the titles and text of every post.</p>
      ) : hits.length === 0 ? (
        <p className="mt-6 text-muted" role="status">
          {page > 1 ? "No more posts match" : "No posts match"} “{query}”.
        </p>
      ) : (
        <ol className="mt-6 space-y-6" aria-label="Search results">
          {hits.map((hit) => (
            <li key={hit.id}>
              <h2 className="font-serif text-xl font-bold">
                <Link href={hit.path} className="hover:underline">
                  <HighlightedText marked={hit.markedTitle} />
                </Link>
              </h2>
              <p className="text-sm text-muted">{formatDateHeader(hit.publishedAt)}</p>
              <p className="mt-1 leading-relaxed">
                <HighlightedText marked={cleanSnippet(hit.markedSnippet)} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {query && (
        <Pager
          basePath="/search"
          page={page}
          hasOlder={hasMore}
          query={{ q: query }}
          newerLabel="Previous results"
          olderLabel="More results"
        />
      )}
    </>
  );
}
