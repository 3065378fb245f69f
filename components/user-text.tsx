import { SplitTextView } from "@/components/split-text";
import { linkify } from "@/lib/text/linkify";
import { toParagraphs } from "@/lib/text/paragraphs";

type UserTextProps = { text: string; className?: string };

/**
 * Renders text someone typed: paragraphs and line breaks kept, http(s)/mailto URLs
 * turned into links, everything else as text (components/split-text.tsx).
 */
export function UserText({ text, className }: UserTextProps) {
  return <SplitTextView text={toParagraphs(text).map((lines) => lines.map(linkify))} className={className} />;
}
