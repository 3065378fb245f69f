import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security/csp";

/**
 * Adds a per-request CSP nonce. Only headers happen here: authentication and
 * authorization live in the server actions and the data layer (a proxy can be bypassed).
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const formTargets = [
    ...(process.env.AUTH_GITHUB_ID ? ["https://github.com"] : []),
    ...(process.env.AUTH_GOOGLE_ID ? ["https://accounts.google.com"] : []),
  ];
  const policy = contentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    https: (process.env.SITE_URL ?? "").startsWith("https://"),
    formTargets,
  });
  // Next reads the nonce from the request's policy header and puts it on its scripts.
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Pages only: static files, images, feeds and API routes carry no scripts.
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|images/|uploads/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
