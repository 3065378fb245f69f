/** "Search This Blog": a plain GET form, so it works before (or without) JavaScript. */
export function SearchForm({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form action="/search" method="get" role="search" aria-label="Search this blog">
      <label htmlFor="sidebar-search" className="text-sm font-semibold tracking-wide text-muted uppercase">
        Search This Blog
      </label>
      <div className="mt-2 flex gap-2">
        <input
          id="sidebar-search"
          type="search"
          name="q"
          defaultValue={defaultValue}
          maxLength={200}
          className="min-w-0 flex-1 rounded border border-line bg-page px-2 py-1"
        />
        <button type="submit" className="rounded border border-line px-3 py-1 text-sm font-semibold">
          Search
        </button>
      </div>
    </form>
  );
}
