import { splitHighlights } from "@/lib/search/highlight";

/** Text with search matches in <mark>, built as React elements (never raw HTML). */
export function HighlightedText({ marked }: { marked: string }) {
  return splitHighlights(marked).map((segment, index) =>
    segment.match ? (
      <mark key={index} className="rounded-sm bg-highlight px-0.5 text-ink">
        {segment.text}
      </mark>
    ) : (
      <span key={index}>{segment.text}</span>
    ),
  );
}
