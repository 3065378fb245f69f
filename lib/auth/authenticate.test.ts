import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/tests/support/factories";
import { authenticateWithPassword } from "./authenticate";
import { hashPassword } from "./password";
import { pruneStaleAttempts } from "./attempt-counter";
import { KNOWN_ADDRESS_DAYS, rememberSignInAddress, SIGN_IN_RULES } from "./sign-in-throttle";

const PASSWORD = "the right passphrase here";
const PAIR_LIMIT = SIGN_IN_RULES.accountAddress.max;
const IP_LIMIT = SIGN_IN_RULES.address.max;
const ACCOUNT_FREE = SIGN_IN_RULES.account.free;

async function userWithPassword(password = PASSWORD) {
  return createUser({ passwordHash: await hashPassword(password) });
}

let ipCounter = 0;
/** A fresh address per call: IPv4 and IPv6 alike, unique across this file's runs. */
const ip = () => {
  const n = (ipCounter += 1);
  const tag = randomUUID().slice(0, 4);
  return n % 2 ? `2001:db8:${tag}::${n.toString(16)}` : `10.${n % 250}.${parseInt(tag, 16) % 250}.${n % 199}`;
};

const signIn = (email: string, password: string, address: string | null) =>
  authenticateWithPassword({ email, password }, address);

afterEach(() => {
  vi.useRealTimers();
});

describe("authenticateWithPassword", () => {
  it("accepts the right password with any email casing, and stores only an argon2id hash", async () => {
    const user = await userWithPassword("a perfectly fine passphrase");
    const result = await signIn(user.email.toUpperCase(), "a perfectly fine passphrase", ip());
    expect(result).toEqual({ ok: true, user: { id: user.id, name: user.name, email: user.email } });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("gives the same answer for a wrong password, an unknown email and junk input", async () => {
    const user = await userWithPassword("a perfectly fine passphrase");
    const answers = await Promise.all([
      signIn(user.email, "wrong wrong wrong", ip()),
      signIn(`${randomUUID()}@example.test`, "whatever it is", ip()),
      authenticateWithPassword({ email: 42, password: null }, ip()),
    ]);
    expect(answers).toEqual([
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
    ]);
  });

  it(`stops one address after ${PAIR_LIMIT} failures on one account, and only for that account`, async () => {
    const user = await userWithPassword();
    const other = await userWithPassword();
    const address = ip();
    for (let i = 0; i < PAIR_LIMIT; i++)
      expect(await signIn(user.email, `guess ${i} guess guess`, address)).toEqual({
        ok: false,
        reason: "invalid",
      });
    const stopped = await signIn(user.email, PASSWORD, address);
    expect(stopped).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      stopped.ok === false && stopped.reason === "throttled" && stopped.retryAfterSeconds,
    ).toBeGreaterThan(800);
    // Another account from that address, and that account from another address, are untouched.
    expect((await signIn(other.email, PASSWORD, address)).ok).toBe(true);
    expect((await signIn(user.email, PASSWORD, ip())).ok).toBe(true);
  });

  it("five (or fifty) wrong passwords from strangers do not lock the owner out", async () => {
    const owner = await userWithPassword();
    const home = ip();
    expect((await signIn(owner.email, PASSWORD, home)).ok).toBe(true);

    // The attack: five wrong passwords from one address.
    for (let i = 0; i < 5; i++) await signIn(owner.email, `stranger ${i} guess`, ip());
    expect((await signIn(owner.email, PASSWORD, ip())).ok).toBe(true);

    // A spray from fifty addresses: the account ceiling slows strangers down…
    const answers = [];
    for (let i = 0; i < 50; i++) answers.push(await signIn(owner.email, `spray ${i} guess`, ip()));
    const throttled = answers.filter((a) => !a.ok && a.reason === "throttled");
    expect(throttled.length).toBeGreaterThan(30);
    for (const answer of throttled)
      expect(
        answer.ok === false && answer.reason === "throttled" && answer.retryAfterSeconds,
      ).toBeLessThanOrEqual(60);
    // …while the owner's usual address gets straight in,
    expect((await signIn(owner.email, PASSWORD, home)).ok).toBe(true);
    // and a new address of theirs within a minute.
    const fresh = ip();
    const first = await signIn(owner.email, PASSWORD, fresh);
    if (!first.ok) {
      expect(first).toMatchObject({ reason: "throttled" });
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() + 61_000);
      expect((await signIn(owner.email, PASSWORD, fresh)).ok).toBe(true);
    }
  });

  it(`slows an account progressively after ${ACCOUNT_FREE} failures from unknown addresses, never locking it`, async () => {
    const user = await userWithPassword();
    for (let i = 0; i < ACCOUNT_FREE; i++)
      expect(await signIn(user.email, `spread ${i} guess`, ip())).toEqual({ ok: false, reason: "invalid" });
    vi.useFakeTimers({ toFake: ["Date"] });
    const waits = [];
    for (let step = 0; step < 8; step++) {
      const refused = await signIn(user.email, "next guess here", ip());
      expect(refused).toMatchObject({ ok: false, reason: "throttled" });
      const wait = refused.ok === false && refused.reason === "throttled" ? refused.retryAfterSeconds : 0;
      waits.push(wait);
      vi.setSystemTime(Date.now() + wait * 1000);
      expect(await signIn(user.email, "next guess here", ip())).toEqual({ ok: false, reason: "invalid" });
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    // The right password after the wait, from an address never seen: in.
    vi.setSystemTime(Date.now() + 60_000);
    expect((await signIn(user.email, PASSWORD, ip())).ok).toBe(true);
  });

  it("counts parallel guesses exactly", async () => {
    const user = await userWithPassword();
    const address = ip();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(user.email, `parallel ${i} guess`, address)),
    );
    expect(answers.filter((a) => !a.ok && a.reason === "invalid")).toHaveLength(PAIR_LIMIT);
    expect(await signIn(user.email, PASSWORD, address)).toMatchObject({ reason: "throttled" });
  });

  it(`stops an address after ${IP_LIMIT} failures across accounts`, async () => {
    const address = ip();
    for (let i = 0; i < IP_LIMIT; i++)
      await signIn(`${randomUUID()}@example.test`, "nope nope nope", address);
    const user = await userWithPassword();
    expect(await signIn(user.email, PASSWORD, address)).toMatchObject({ reason: "throttled" });
    expect((await signIn(user.email, PASSWORD, ip())).ok).toBe(true);
  });

  it("a successful sign-in takes back its attempt and clears its address's count for the account", async () => {
    const user = await userWithPassword();
    const address = ip();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < PAIR_LIMIT - 1; i++) await signIn(user.email, "bad guess here", address);
      expect((await signIn(user.email, PASSWORD, address)).ok).toBe(true);
    }
  });

  it("stores no email or address in clear: throttle keys and remembered addresses are keyed hashes", async () => {
    const user = await userWithPassword();
    const address = ip();
    await signIn(user.email, "bad guess here", address);
    await signIn(user.email, PASSWORD, address);
    const remembered = await db.signInAddress.findMany({ where: { userId: user.id } });
    expect(remembered).toHaveLength(1);
    expect(remembered[0].addressHash).not.toContain(address);
    // Other files' rows may share this database: only the throttles' own kinds of key.
    const rows = await db.signInThrottle.findMany({
      where: { key: { startsWith: "sign" } },
      select: { key: true },
    });
    const keys = rows.map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toContain(user.email);
      expect(key).not.toContain(address);
      expect(key).toMatch(/^(signin-ip|signin-pair|signin-account|signup-ip):[\w-]{32}$/);
    }
  });

  it("forgets finished windows and addresses unused for the known-address period", async () => {
    const day = 86_400_000;
    const stale = `signin-ip:stale-${randomUUID()}`;
    const live = `signin-ip:live-${randomUUID()}`;
    await db.signInThrottle.createMany({
      data: [
        { key: stale, failures: 3, windowStart: new Date(Date.now() - 2 * day) },
        { key: live, failures: 3, windowStart: new Date() },
      ],
    });
    expect(await pruneStaleAttempts()).toBeGreaterThanOrEqual(1);
    expect(await db.signInThrottle.findUnique({ where: { key: stale } })).toBeNull();
    expect(await db.signInThrottle.findUnique({ where: { key: live } })).not.toBeNull();

    const user = await userWithPassword();
    const old = ip();
    await rememberSignInAddress(user.id, old, new Date(Date.now() - (KNOWN_ADDRESS_DAYS + 1) * day));
    await rememberSignInAddress(user.id, ip());
    expect(await db.signInAddress.count({ where: { userId: user.id } })).toBe(1);
  });
});
