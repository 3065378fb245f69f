import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { DRAFT_KEPT, REFUSALS, type Refusal } from "@/lib/actions/messages";
import type { ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/auth/client-ip";
import { getOptionalUser, type CurrentUser } from "@/lib/auth/guards";
import { refusalFor, type Permission } from "@/lib/auth/permissions";
import { isDatabaseBusy } from "@/lib/data/errors";
import { securityEvent, type SecurityEvent } from "@/lib/log/security";

/**
 * The server half of the action kit: refusals as answers (never a 500), writes that
 * may find the database busy, and how an action ends with or without JavaScript.
 * Refusals are logged here, at the kit's two doors, not in each action: `authorize`
 * (who may call at all) and `attemptWrite` (what the data layer refused for this row,
 * and flood control).
 */

/**
 * The signed-in user, freshly loaded, if they hold `permission`; otherwise why not
 * ("signed-out", "banned", "forbidden"). Row-level rules (whose comment) come later, in
 * the data layer.
 */
export async function authorize(
  permission: Permission,
): Promise<{ ok: true; user: CurrentUser } | { ok: false; refusal: Refusal }> {
  const user = await getOptionalUser();
  const refusal = refusalFor(user, permission);
  if (user && !refusal) return { ok: true, user };
  await logRefusal("authz.refused", { refusal: refusal ?? "signed-out", permission });
  return { ok: false, refusal: refusal ?? "signed-out" };
}

/**
 * The signed-in user, banned or not, for what anyone may do with their own account
 * (change their password, download their data, delete it); otherwise "signed-out".
 */
export async function authenticate(): Promise<
  { ok: true; user: CurrentUser } | { ok: false; refusal: Refusal }
> {
  const user = await getOptionalUser();
  if (user) return { ok: true, user };
  await logRefusal("authz.refused", { refusal: "signed-out", permission: "own-account" });
  return { ok: false, refusal: "signed-out" };
}

// Data-layer answers (`{ ok: false, reason }`) an operator should see, by reason.
const LOGGED_REASONS: Record<string, SecurityEvent> = {
  forbidden: "authz.refused",
  banned: "authz.refused",
  "too-fast": "rate_limit.hit",
  "hourly-limit": "rate_limit.hit",
};

/** One security log line for a refused action: who (user id, hashed address), never what they sent. */
async function logRefusal(event: SecurityEvent, fields: Record<string, unknown>): Promise<void> {
  const user = await getOptionalUser();
  securityEvent(event, { ...fields, userId: user?.id ?? null, ip: clientIp(await headers()) });
}

/** A refusal as a form's answer; the draft stays in the form. */
export function refused<Values extends Record<string, string>>(
  refusal: Refusal,
  values?: Partial<Values>,
  messages: Partial<Record<Refusal, string>> = {},
): ActionResult<Values> {
  const message = messages[refusal] ?? REFUSALS[refusal];
  const keepsText = Object.values(values ?? {}).some((value) => typeof value === "string" && value.trim());
  return { status: "error", formError: keepsText ? `${message} ${DRAFT_KEPT}` : message, values };
}

export type Busy = { ok: false; reason: "busy" };

/**
 * Runs a write. Another process holding SQLite's write lock too long (a backup, a
 * script) is an answer, "busy": nothing was written, so the user may simply retry
 * (docs/decisions/008).
 */
export async function attemptWrite<T>(write: () => Promise<T>): Promise<T | Busy> {
  try {
    const result = await write();
    const reason = refusalReason(result);
    if (reason && reason in LOGGED_REASONS) await logRefusal(LOGGED_REASONS[reason], { refusal: reason });
    return result;
  } catch (error) {
    if (isDatabaseBusy(error)) return { ok: false, reason: "busy" };
    throw error;
  }
}

function refusalReason(result: unknown): string | null {
  if (typeof result !== "object" || result === null || !("ok" in result) || result.ok !== false) return null;
  return "reason" in result && typeof result.reason === "string" ? result.reason : null;
}

/**
 * Whether this action was called by React in the browser (it sends Next's `next-action`
 * header) rather than posted by a plain HTML form: JavaScript off, or not loaded yet.
 */
export async function calledWithScript(): Promise<boolean> {
  return (await headers()).has("next-action");
}

/** `path` with `?notice=<key>` for the page to say what happened (keys, never text from the URL). */
export function withNotice(path: string, notice: string): string {
  const [base, hash] = path.split("#", 2);
  const joined = `${base}${base.includes("?") ? "&" : "?"}notice=${encodeURIComponent(notice)}`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}

type Lazy<T> = T | (() => Promise<T>);

const resolve = <T>(value: Lazy<T>): Promise<T> =>
  typeof value === "function" ? (value as () => Promise<T>)() : Promise.resolve(value);

type Finish = {
  /** The page that shows the outcome: where a plain form post lands. */
  redirectTo: Lazy<string>;
  /** A notice key the page there turns into a sentence. */
  notice?: string;
  /** Redirect with JavaScript too: the outcome is another page, not an update in place. */
  always?: boolean;
};

/**
 * Ends an action once its work is done. A plain form post needs a page, so it is
 * redirected; a call from React gets `result` back, for the page to update in place.
 * Either may be given as a function, so only the one needed is worked out.
 */
export async function finish<R>(result: Lazy<R>, { redirectTo, notice, always = false }: Finish): Promise<R> {
  if (always || !(await calledWithScript())) {
    const path = await resolve(redirectTo);
    redirect(notice ? withNotice(path, notice) : path);
  }
  return resolve(result);
}
