import Link from "next/link";

type PagerProps = {
  /** Base path of the listing, e.g. "/" or "/label/asia". */
  basePath: string;
  page: number;
  hasOlder: boolean;
  /** Extra query parameters kept on every link (the search query). */
  query?: Record<string, string>;
  newerLabel?: string;
  olderLabel?: string;
};

/** Blogger's "Newer Posts" / "Older Posts" links. Page 1 has no ?page= (one canonical URL). */
export function Pager({
  basePath,
  page,
  hasOlder,
  query = {},
  newerLabel = "Newer Posts",
  olderLabel = "Older Posts",
}: PagerProps) {
  if (page === 1 && !hasOlder) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(query);
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label="More posts" className="no-print mt-8 flex justify-between text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} rel="prev" className="link">
          {newerLabel}
        </Link>
      ) : (
        <span />
      )}
      {hasOlder && (
        <Link href={href(page + 1)} rel="next" className="link">
          {olderLabel}
        </Link>
      )}
    </nav>
  );
}
