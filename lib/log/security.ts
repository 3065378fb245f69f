import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/**
 * The security log: one JSON line per event an operator may want to alert on, under a
 * fixed name (`event`), so a log query does not depend on message wording. Fields are
 * facts, never secrets: no passwords, tokens, cookies or comment text, and addresses
 * only as `ipHash` (an HMAC under the server secret, stable for a deployment so one
 * address's events can be followed, not reversible without the secret).
 */
export type SecurityEvent =
  | "auth.sign_in.failed"
  | "auth.sign_in.throttled"
  | "auth.sign_up"
  | "auth.sign_up.throttled"
  | "auth.password_reset.requested"
  | "auth.password_reset.throttled"
  | "auth.password_reset.refused"
  | "auth.password_reset"
  | "authz.refused"
  | "rate_limit.hit"
  | "comment.held"
  | "moderation.action"
  | "account.renamed"
  | "account.password_changed"
  | "account.deleted"
  | "account.email_verification.sent"
  | "account.email_verification.refused"
  | "account.email_verified"
  | "account.email_change.requested"
  | "account.email_changed";

export type SecurityFields = {
  /** The client address as lib/auth/client-ip.ts gives it; logged only as a hash. */
  ip?: string | null;
  userId?: string | null;
  [field: string]: unknown;
};

// Development and tests only: a deployment sets AUTH_SECRET, and the hashes change with it.
const DEV_KEY = "commonplace-dev-log-key";

export function hashIp(ip: string): string {
  return createHmac("sha256", env.AUTH_SECRET || DEV_KEY)
    .update(`log\n${ip}`)
    .digest("base64url")
    .slice(0, 16);
}

const INFO_EVENTS = new Set<SecurityEvent>([
  "auth.sign_up",
  "auth.password_reset.requested",
  "auth.password_reset",
  "moderation.action",
  "account.renamed",
  "account.password_changed",
  "account.deleted",
]);

export function securityEvent(event: SecurityEvent, { ip, ...fields }: SecurityFields = {}): void {
  const entry = { event, ...fields, ...(ip ? { ipHash: hashIp(ip) } : {}) };
  const level = INFO_EVENTS.has(event) ? "info" : "warn";
  log[level](event, entry);
}
