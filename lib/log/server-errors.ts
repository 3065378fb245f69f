import "server-only";
import { format } from "node:util";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/**
 * Server errors, logged once each as `server.error` with the id the reader's error page
 * shows (Next's `digest`) and the stack: an operator finds the failure from the id a
 * reader reports. Refusals never get here (actions answer them); neither do Next's
 * redirects and not-founds, which it does not report.
 */
export function logServerError(
  error: unknown,
  request: { method: string; path: string },
  context: { routeType: string; routePath: string },
): void {
  const digest =
    typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  log.error("server.error", {
    digest,
    method: request.method,
    // The query string may carry tokens (sign-in callbacks, links sent by email).
    path: request.path.split("?")[0],
    routeType: context.routeType,
    route: context.routePath,
    error,
  });
}

/**
 * Next prints what it catches with `console.error` (the error, then its digest), as
 * text spread over many lines. In production that output becomes JSON lines of our
 * logger, so every line on standard output is one entry with its request id; an error
 * Next is about to report to `onRequestError` (it carries a digest) is left to
 * logServerError, so it is logged once. Development keeps Next's readable output.
 */
export function routeConsoleToLog(): void {
  if (env.NODE_ENV === "development") return;
  console.error = (...args: unknown[]) => {
    if (args.length === 1 && args[0] instanceof Error && "digest" in args[0]) return;
    log.error("console.error", consoleFields(args));
  };
  console.warn = (...args: unknown[]) => log.warn("console.warn", consoleFields(args));
}

function consoleFields(args: unknown[]): Record<string, unknown> {
  const error = args.find((arg) => arg instanceof Error);
  const text = format(...args.filter((arg) => arg !== error));
  return { text: text || undefined, error };
}
