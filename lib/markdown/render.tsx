import "server-only";
import type { ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * Author Markdown → sanitized HTML tree → React elements. Raw HTML in Markdown is
 * dropped (remark-rehype without allowDangerousHtml), and the tree then passes an
 * allow-list (GitHub's schema: no scripts, no event handlers, only http(s)/mailto and
 * relative URLs), so nothing reaches the page through dangerouslySetInnerHTML.
 */
const schema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    img: [...(defaultSchema.attributes?.img ?? []), "loading"],
  },
};

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize, schema);

/** The sanitized HTML tree, for renderers other than React (the feeds serialize it). */
export function sanitizedMarkdownTree(markdown: string) {
  return processor.runSync(processor.parse(markdown));
}

export function renderMarkdown(markdown: string): ReactNode {
  return toJsxRuntime(sanitizedMarkdownTree(markdown), { Fragment, jsx, jsxs });
}
