import { renderToStaticMarkup } from "react-dom/server";
import { renderMarkdown } from "@/lib/markdown/render";

/**
 * A post body as HTML for feed readers: the same sanitized Markdown rendering as the
 * page (lib/markdown), serialized. The feed writer then escapes it as text.
 */
export function postBodyHtml(bodyMarkdown: string, siteUrl: string): string {
  const html = renderToStaticMarkup(renderMarkdown(bodyMarkdown));
  // Feed readers resolve nothing against the blog: make our root-relative URLs absolute.
  return html.replace(/(href|src)="\/(?!\/)/g, `$1="${siteUrl}/`);
}
