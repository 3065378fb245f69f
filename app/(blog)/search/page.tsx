import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { HighlightedText } from "@/components/highlighted-text";
import { Pager } from "@/components/posts/pager";
import { SearchForm } from "@/components/sidebar/search-form";
import { type CommentSearchHit, searchComments, searchPosts } from "@/lib/data/search";
import { cleanSnippet, plainSnippet } from "@/lib/search/highlight";
import { formatDateHeader } from "@/lib/text/dates";
import { parsePageParam, parseSearchQuery } from "@/lib/validations/listing";

export const dynamic = "force-dynamic";

const RESULTS_PER_PAGE = 10;
// Comments come after the posts, a few per page: `page` pages both lists together.
const COMMENT_RESULTS_PER_PAGE = 5;

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
  const none = { hits: [], hasMore: false };
  const [{ hits, hasMore }, comments] = query
    ? await Promise.all([
        searchPosts(query, { page, perPage: RESULTS_PER_PAGE }),
        searchComments(query, { page, perPage: COMMENT_RESULTS_PER_PAGE }),
      ])
    : [none, none];

  return (
    <>
      <h1 className="font-serif text-2xl font-bold">
        {query ? <>Search results for “{query}”</> : "Search"}
      </h1>
      <SearchForm id="search-page-q" label="Search posts" labelHidden defaultValue={query} className="mt-4" />
      {!query ? (
        <p className="mt-6 text-muted">Type a word or two to search the titles and text of every post.</p>
      ) : hits.length === 0 && comments.hits.length === 0 ? (
        <p className="mt-6 text-muted" role="status">
          {page > 1 ? "No more posts match" : "No posts match"} “{query}”.
        </p>
      ) : hits.length === 0 ? (
        <p className="mt-6 text-muted">
          {page > 1 ? "No more posts match" : "No post’s own text matches"} “{query}”.
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
      {comments.hits.length > 0 && <DiscussionResults hits={comments.hits} />}
      {query && (
        <Pager
          basePath="/search"
          page={page}
          hasOlder={hasMore || comments.hasMore}
          query={{ q: query }}
          newerLabel="Previous results"
          olderLabel="More results"
        />
      )}
    </>
  );
}

/** Comments that match, each under the title of its post, linking to the comment itself. */
function DiscussionResults({ hits }: { hits: CommentSearchHit[] }) {
  return (
    <section aria-labelledby="discussion-results" className="mt-10 border-t border-line pt-6">
      <h2 id="discussion-results" className="font-serif text-xl font-bold">
        In the discussion
      </h2>
      <ol className="mt-4 space-y-6">
        {hits.map((hit) => (
          <li key={hit.id}>
            <h3 className="font-serif text-lg font-bold">
              {/* A plain link: the permalink is a redirect to `…#c<id>`, and a client-side
                  navigation through a redirect drops that fragment. */}
              <a href={hit.path} className="hover:underline">
                {hit.postTitle}
              </a>
            </h3>
            <p className="text-sm text-muted">
              Comment by {hit.authorName} · {formatDateHeader(hit.createdAt)}
            </p>
            <p className="mt-1 leading-relaxed [overflow-wrap:anywhere]">
              <HighlightedText marked={plainSnippet(hit.markedSnippet)} />
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
