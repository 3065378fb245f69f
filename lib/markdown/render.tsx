import "server-only";
import type { ReactNode } from "react";
import { markdownToReact } from "@/lib/markdown/pipeline";

export { sanitizedMarkdownTree } from "@/lib/markdown/pipeline";

/** Server rendering of author Markdown; the pipeline itself is shared with the preview. */
export function renderMarkdown(markdown: string): ReactNode {
  return markdownToReact(markdown);
}
