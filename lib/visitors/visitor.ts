import "server-only";
import { createHmac } from "node:crypto";
import { createIsBotFromList, list } from "isbot";
import { clientIp } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { dayKey } from "@/lib/text/dates";

/**
 * Who is reading, for "one view (or share) per visitor per post per day". A visitor is
 * an HMAC of IP + user agent + day under a server secret: the raw IP is never stored,
 * and hashes cannot be linked across days or recomputed without the secret.
 */
export type Visitor = { day: string; hash: string };

// Development and tests only: a deployment sets AUTH_SECRET, and the hashes change with it.
const DEV_SALT = "commonplace-dev-visitor-salt";

// Crawlers, link-preview fetchers and HTTP libraries, as isbot's maintained list knows
// them. Its "headless" pattern is left out on purpose: HeadlessChrome is a real browser
// (and the one our end-to-end tests count views with).
const isCrawler = createIsBotFromList(list.filter((pattern) => pattern !== "headless"));

export function isBotUserAgent(userAgent: string): boolean {
  return userAgent.trim() === "" || isCrawler(userAgent);
}

export function visitorHash(ip: string, userAgent: string, day: string, secret = visitorSecret()): string {
  return createHmac("sha256", secret).update(`${day}\n${ip}\n${userAgent}`).digest("base64url");
}

/** The visitor behind a request, or null for crawlers (which count nothing). */
export function visitorFromRequest(request: Request, now = new Date()): Visitor | null {
  const userAgent = request.headers.get("user-agent") ?? "";
  if (isBotUserAgent(userAgent)) return null;
  // Another site's page posting here (a hidden form, an image farm) is not a reader.
  if (request.headers.get("sec-fetch-site") === "cross-site") return null;
  const day = dayKey(now);
  return { day, hash: visitorHash(clientIp(request.headers) ?? "unknown", userAgent.slice(0, 512), day) };
}

function visitorSecret(): string {
  return env.AUTH_SECRET || DEV_SALT;
}
