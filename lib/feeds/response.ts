export const ATOM_TYPE = "application/atom+xml; charset=utf-8";
export const RSS_TYPE = "application/rss+xml; charset=utf-8";

/**
 * A feed document. Its caching headers come from the route's `revalidate` (Next sets
 * them for cached routes): a feed is expired on every change like the reader pages.
 */
export function xmlResponse(body: string, contentType: string): Response {
  return new Response(body, { headers: { "Content-Type": contentType } });
}

export function notFoundResponse(): Response {
  return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
