export const ATOM_TYPE = "application/atom+xml; charset=utf-8";
export const RSS_TYPE = "application/rss+xml; charset=utf-8";

/** Feed readers poll often; five minutes of caching spares the database without hiding news for long. */
export function xmlResponse(body: string, contentType: string): Response {
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "public, max-age=300" } });
}
