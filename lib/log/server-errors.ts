import "server-only";
import { format, stripVTControlCharacters } from "node:util";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { currentRequestId } from "@/lib/log/request-context.mjs";

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
  const digest = digestOf(error);
  if (digest !== undefined && !firstReport(digest)) return;
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

function digestOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
}

// Next reports one failure of a page more than once (the page, and the payload it
// renders from): one line per request and digest. Bounded: only recent ones matter.
const reported = new Set<string>();
function firstReport(digest: string): boolean {
  const requestId = currentRequestId();
  if (requestId === undefined) return true;
  const key = `${requestId} ${digest}`;
  if (reported.has(key)) return false;
  reported.add(key);
  if (reported.size > 500) reported.delete(reported.values().next().value as string);
  return true;
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
    if (args.some((arg) => arg instanceof Error && digestOf(arg) !== undefined)) return;
    log.error("console.error", consoleFields(args, { stack: true }));
  };
  // Warnings are expected conditions (a stale page calling an action a new build no
  // longer has): the message, without a stack.
  console.warn = (...args: unknown[]) => log.warn("console.warn", consoleFields(args, { stack: false }));
}

function consoleFields(args: unknown[], { stack }: { stack: boolean }): Record<string, unknown> {
  const error = args.find((arg) => arg instanceof Error);
  // Next colours its markers ("⚠", "⨯"): a log line holds the text, not terminal codes.
  const text = stripVTControlCharacters(format(...args.filter((arg) => arg !== error))).trim() || undefined;
  if (!error) return { text };
  return stack ? { text, error } : { text: text ? `${text} ${error.message}` : error.message };
}
