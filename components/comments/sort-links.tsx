import { COMMENT_SORTS, SORT_LABELS, sortSearch, type CommentSort } from "@/lib/comments/sort";

/**
 * Oldest · Newest · Best: plain links, so sorting works without JavaScript and each
 * order's first page is a cached URL of its own (docs/decisions/030).
 */
export function SortLinks({ postPath, sort }: { postPath: string; sort: CommentSort }) {
  return (
    <nav aria-label="Sort comments" className="no-print mt-2 text-sm">
      <span className="text-muted">Sort by: </span>
      {/* Links in a row, not a list: the thread's first list is its comments. */}
      <span className="inline-flex flex-wrap gap-x-3">
        {COMMENT_SORTS.map((option) => (
          <a
            key={option}
            href={`${postPath}${sortSearch(option)}#comments`}
            aria-current={option === sort ? "true" : undefined}
            className={option === sort ? "font-semibold text-ink no-underline" : "link"}
          >
            {SORT_LABELS[option]}
          </a>
        ))}
      </span>
    </nav>
  );
}
