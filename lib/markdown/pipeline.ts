import type { ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * Author Markdown → sanitized HTML tree → React elements. Client-safe on purpose: the
 * server renderer (render.tsx) and the editor's live preview use this one pipeline, so
 * the preview can never show something the published page would not (or vice versa).
 *
 * Raw HTML in Markdown is dropped (remark-rehype without allowDangerousHtml), and the
 * tree then passes an allow-list (GitHub's schema: no scripts, no event handlers, no
 * style, only http(s)/mailto and relative URLs), so nothing reaches the page through
 * dangerouslySetInnerHTML.
 */
export const markdownSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), "loading"],
  },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, markdownSchema);

/** The sanitized HTML tree, for renderers other than React (the feeds serialize it). */
export function sanitizedMarkdownTree(markdown: string) {
  return processor.runSync(processor.parse(markdown));
}

export function markdownToReact(markdown: string): ReactNode {
  return toJsxRuntime(sanitizedMarkdownTree(markdown), { Fragment, jsx, jsxs });
}
