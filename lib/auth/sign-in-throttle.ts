import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { isUniqueViolation } from "@/lib/data/errors";
import { claimAttempt, clearAttempts, releaseAttempt, type AttemptRule } from "@/lib/auth/attempt-counter";
import { keyedHash } from "@/lib/auth/keyed-hash";

/**
 * Slows password guessing (Auth.js has no throttling for Credentials) without handing
 * strangers a way to lock someone out (docs/decisions/024). Three counters, in
 * 15-minute windows, each attempt claimed before the password is checked:
 * - per address: 30 attempts, whatever the accounts (one machine spraying);
 * - per (account, address): 5 attempts, then that address waits for that account;
 * - per account, from every address that has not signed in to it before: 10 attempts,
 *   then one every 1, 2, 4 … up to 60 seconds (many machines on one account). It slows
 *   and never locks, and the owner's usual addresses (a successful password sign-in in
 *   the last 90 days, remembered as a keyed hash) skip it: a stranger's guesses from
 *   elsewhere cost the owner nothing there.
 * A successful sign-in takes its own attempt back and clears its (account, address) count.
 */
const WINDOW_MS = 15 * 60_000;
export const SIGN_IN_RULES = {
  address: { windowMs: WINDOW_MS, max: 30 },
  accountAddress: { windowMs: WINDOW_MS, max: 5 },
  account: { windowMs: WINDOW_MS, free: 10, delaysMs: [1, 2, 4, 8, 16, 32, 60].map((s) => s * 1000) },
} as const satisfies Record<string, AttemptRule>;
/** How long a successful sign-in keeps an address "usual" for that account. */
export const KNOWN_ADDRESS_DAYS = 90;

export type SignInThrottleKeys = {
  /** The normalised email typed: known or not, every email is throttled alike. */
  account: string;
  /** Null without server.mjs (`next dev`): only the account counter applies then. */
  ip: string | null;
  /** The address signed in to this account before (isKnownSignInAddress). */
  knownAddress: boolean;
};

type Counter = { key: string; rule: AttemptRule; scope: SignInThrottleScope };
export type SignInAttempt = { counters: Counter[]; accountAddressKey: string | null };
export type SignInThrottleScope = "address" | "account-address" | "account";

function countersOf({ account, ip, knownAddress }: SignInThrottleKeys): Counter[] {
  const accountHash = keyedHash("sign-in-account", account);
  return [
    ...(ip
      ? [
          {
            scope: "address" as const,
            key: `signin-ip:${keyedHash("sign-in-ip", ip)}`,
            rule: SIGN_IN_RULES.address,
          },
          {
            scope: "account-address" as const,
            key: `signin-pair:${keyedHash("sign-in-pair", `${accountHash}\n${ip}`)}`,
            rule: SIGN_IN_RULES.accountAddress,
          },
        ]
      : []),
    ...(knownAddress
      ? []
      : [{ scope: "account" as const, key: `signin-account:${accountHash}`, rule: SIGN_IN_RULES.account }]),
  ];
}

/**
 * Claims one sign-in attempt on every counter, in order; the first that refuses stops
 * it (the ones before keep the attempt: throttled guesses still count).
 */
export async function beginSignInAttempt(
  keys: SignInThrottleKeys,
  now = new Date(),
): Promise<
  { ok: true; attempt: SignInAttempt } | { ok: false; retryAfterSeconds: number; scope: SignInThrottleScope }
> {
  const counters = countersOf(keys);
  for (const { key, rule, scope } of counters) {
    const claim = await claimAttempt(key, rule, now);
    if (!claim.ok) return { ok: false, retryAfterSeconds: claim.retryAfterSeconds, scope };
  }
  const pair = counters.find((c) => c.scope === "account-address");
  return { ok: true, attempt: { counters, accountAddressKey: pair?.key ?? null } };
}

/** The password was right: this attempt was not a guess. */
export async function signInSucceeded(attempt: SignInAttempt, now = new Date()): Promise<void> {
  for (const { key, rule } of attempt.counters) {
    if (key === attempt.accountAddressKey) await clearAttempts(key);
    else await releaseAttempt(key, rule, now);
  }
}

const addressHash = (ip: string) => keyedHash("sign-in-address", ip);

/** Whether `ip` signed in to this user with a password within KNOWN_ADDRESS_DAYS. */
export async function isKnownSignInAddress(
  userId: string | null,
  ip: string | null,
  now = new Date(),
): Promise<boolean> {
  if (!ip) return false;
  // Unknown emails run the same query (for no row), so timing tells nothing about them.
  const row = await db.signInAddress.findUnique({
    where: { userId_addressHash: { userId: userId ?? "", addressHash: addressHash(ip) } },
    select: { lastSignInAt: true },
  });
  return !!row && row.lastSignInAt > knownSince(now);
}

const knownSince = (now: Date) => new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);

export async function rememberSignInAddress(userId: string, ip: string | null, now = new Date()) {
  if (!ip) return;
  const where = { userId_addressHash: { userId, addressHash: addressHash(ip) } };
  try {
    await retryOnConflict(() =>
      db.signInAddress.upsert({
        where,
        create: { userId, addressHash: addressHash(ip), lastSignInAt: now },
        update: { lastSignInAt: now },
      }),
    );
  } catch (error) {
    // Two sign-ins from one address at once: the other one remembered it.
    if (!isUniqueViolation(error)) throw error;
  }
  // Addresses not used for KNOWN_ADDRESS_DAYS are not "usual" any more.
  await retryOnConflict(() =>
    db.signInAddress.deleteMany({ where: { userId, lastSignInAt: { lt: knownSince(now) } } }),
  );
}
