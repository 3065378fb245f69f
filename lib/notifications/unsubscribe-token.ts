import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * One-click unsubscribe links (docs/decisions/036): who, from what, until when, signed
 * with an HMAC under the app's secret, so the link works without signing in and nobody
 * can make one for someone else. Nothing is stored: a link is checked by its signature.
 */

/** "all": every notification mail; "moderation": the moderators' mails; a post id: that discussion. */
export type UnsubscribeScope = { kind: "all" } | { kind: "moderation" } | { kind: "post"; postId: number };

export type UnsubscribeRequest = { userId: string; scope: UnsubscribeScope };

/** Long enough for an old mail in an inbox; short enough that a leaked link does not work forever. */
export const UNSUBSCRIBE_LINK_DAYS = 180;

// Development and tests only, like lib/auth/keyed-hash.ts: a deployment sets AUTH_SECRET.
const DEV_KEY = "commonplace-dev-unsubscribe";

const scopeText = (scope: UnsubscribeScope) =>
  scope.kind === "post" ? `p${scope.postId}` : scope.kind === "all" ? "all" : "mod";

function parseScope(text: string): UnsubscribeScope | null {
  if (text === "all") return { kind: "all" };
  if (text === "mod") return { kind: "moderation" };
  const match = /^p([1-9]\d{0,9})$/.exec(text);
  return match ? { kind: "post", postId: Number(match[1]) } : null;
}

const signature = (payload: string) =>
  createHmac("sha256", env.AUTH_SECRET || DEV_KEY)
    .update(`unsubscribe\n${payload}`)
    .digest("base64url");

/** A token for the URL: `<user>.<scope>.<expiry, seconds in base 36>.<signature>`. */
export function unsubscribeToken(request: UnsubscribeRequest, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000 + UNSUBSCRIBE_LINK_DAYS * 86_400).toString(36);
  const payload = `${request.userId}.${scopeText(request.scope)}.${expires}`;
  return `${payload}.${signature(payload)}`;
}

export type TokenCheck =
  { ok: true; request: UnsubscribeRequest } | { ok: false; reason: "invalid" | "expired" };

/** What a token asks, if its signature holds and it has not expired. */
export function readUnsubscribeToken(token: string, now = new Date()): TokenCheck {
  const parts = token.split(".");
  if (parts.length !== 4 || token.length > 300) return { ok: false, reason: "invalid" };
  const [userId, scopeValue, expires, given] = parts;
  const expected = Buffer.from(signature(`${userId}.${scopeValue}.${expires}`));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    return { ok: false, reason: "invalid" };
  const scope = parseScope(scopeValue);
  if (!scope || !/^[a-z0-9]+$/.test(expires) || !/^[A-Za-z0-9_-]{1,64}$/.test(userId))
    return { ok: false, reason: "invalid" };
  if (parseInt(expires, 36) * 1000 <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, request: { userId, scope } };
}
