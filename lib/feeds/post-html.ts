import { toHtml } from "hast-util-to-html";
import { sanitizedMarkdownTree } from "@/lib/markdown/render";

/**
 * A post body as HTML for feed readers: the same sanitized tree the page renders
 * (lib/markdown), serialized. The feed writer then escapes it as text. (Next forbids
 * react-dom/server in route handlers, hence hast-util-to-html.)
 */
export function postBodyHtml(bodyMarkdown: string, siteUrl: string): string {
  const html = toHtml(sanitizedMarkdownTree(bodyMarkdown));
  // Feed readers resolve nothing against the blog: make our root-relative URLs absolute.
  return html.replace(/(href|src)="\/(?!\/)/g, `$1="${siteUrl}/`);
}
