import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES, SESSION_HINT_COOKIE } from "@/lib/auth/session-hint";
import { rendersPerRequest } from "@/lib/cache/reader-routes";
import { env } from "@/lib/env";
import { buildContentSecurityPolicy, policyEnvironment } from "@/lib/security/csp-policy.mjs";

const environment = policyEnvironment(env);

/**
 * Headers only; authentication and authorization live in the server actions and the
 * data layer (a proxy can be bypassed). Two jobs:
 * - pages rendered per request get a Content-Security-Policy with a fresh nonce (cached
 *   pages bring a hash-based one from the cache handler);
 * - the signed-in hint cookie follows the session cookie (lib/auth/session-hint.ts).
 */
export function proxy(request: NextRequest) {
  let response: NextResponse;
  if (rendersPerRequest(request.nextUrl.pathname)) {
    const nonce = btoa(crypto.randomUUID());
    const policy = buildContentSecurityPolicy({ scripts: { nonce }, ...environment });
    // Next reads the nonce from the request's policy header and puts it on its scripts.
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers } });
    response.headers.set("Content-Security-Policy", policy);
  } else {
    response = NextResponse.next();
  }

  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  const hasHint = request.cookies.has(SESSION_HINT_COOKIE);
  if (hasSession && !hasHint) {
    response.cookies.set(SESSION_HINT_COOKIE, "1", { path: "/", sameSite: "lax", secure: environment.https });
  } else if (!hasSession && hasHint) {
    response.cookies.delete(SESSION_HINT_COOKIE);
  }
  return response;
}

// Next reads this config statically: literals only.
export const config = {
  matcher: [
    // Pages rendered per request (PER_REQUEST_PREFIXES in lib/cache/reader-routes.ts,
    // kept in step by proxy.test.ts), always, except prefetches.
    {
      source: "/:prefix(signin|signup|search|admin|moderation|comments|posts|account)/:path*",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Any other page only when the hint cookie disagrees with the session cookie.
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|images/|uploads/|feeds/|feed.xml).*)",
      has: [{ type: "cookie", key: "authjs.session-token" }],
      missing: [{ type: "cookie", key: "cp_signed_in" }],
    },
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|images/|uploads/|feeds/|feed.xml).*)",
      has: [{ type: "cookie", key: "__Secure-authjs.session-token" }],
      missing: [{ type: "cookie", key: "cp_signed_in" }],
    },
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|images/|uploads/|feeds/|feed.xml).*)",
      has: [{ type: "cookie", key: "cp_signed_in" }],
      missing: [
        { type: "cookie", key: "authjs.session-token" },
        { type: "cookie", key: "__Secure-authjs.session-token" },
      ],
    },
  ],
};
