type SearchFormProps = {
  /** Distinct per form on a page: the search page shows its own form beside the sidebar's. */
  id: string;
  label: string;
  /** Keep the label for screen readers only (a heading already says what this is). */
  labelHidden?: boolean;
  defaultValue?: string;
  className?: string;
};

/** A plain GET form to /search, so it works before (or without) JavaScript. */
export function SearchForm({
  id,
  label,
  labelHidden = false,
  defaultValue = "",
  className,
}: SearchFormProps) {
  return (
    <form action="/search" method="get" role="search" aria-label={label} className={className}>
      <label
        htmlFor={id}
        className={labelHidden ? "sr-only" : "text-sm font-semibold tracking-wide text-muted uppercase"}
      >
        {label}
      </label>
      <div className={`flex gap-2 ${labelHidden ? "" : "mt-2"}`}>
        <input
          id={id}
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
