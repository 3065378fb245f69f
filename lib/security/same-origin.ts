import { config } from "@/lib/config";

/**
 * Whether a state-changing request to a route handler comes from this site's own pages.
 * Server actions get this check from Next; route handlers do not. Browsers send Origin
 * with every POST; a request without one (a script with its own cookie) is not a
 * cross-site forgery.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return request.headers.get("sec-fetch-site") !== "cross-site";
  try {
    const { host } = new URL(origin);
    return host === request.headers.get("host") || origin === new URL(config.siteUrl).origin;
  } catch {
    return false;
  }
}
