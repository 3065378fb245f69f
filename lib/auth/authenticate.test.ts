import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/tests/support/factories";
import { authenticateWithPassword } from "./authenticate";
import { hashPassword } from "./password";
import { ACCOUNT_FAILURE_LIMIT, IP_FAILURE_LIMIT } from "./sign-in-throttle";

async function userWithPassword(password: string) {
  return createUser({ passwordHash: await hashPassword(password) });
}

const ip = () =>
  `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

describe("authenticateWithPassword", () => {
  it("accepts the right password with any email casing, and stores only an argon2id hash", async () => {
    const user = await userWithPassword("a perfectly fine passphrase");
    const result = await authenticateWithPassword(
      { email: user.email.toUpperCase(), password: "a perfectly fine passphrase" },
      ip(),
    );
    expect(result).toEqual({ ok: true, user: { id: user.id, name: user.name, email: user.email } });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("gives the same answer for a wrong password, an unknown email and junk input", async () => {
    const user = await userWithPassword("a perfectly fine passphrase");
    const answers = await Promise.all([
      authenticateWithPassword({ email: user.email, password: "wrong wrong wrong" }, ip()),
      authenticateWithPassword({ email: `${randomUUID()}@example.test`, password: "whatever it is" }, ip()),
      authenticateWithPassword({ email: 42, password: null }, ip()),
    ]);
    expect(answers).toEqual([
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
      { ok: false, reason: "invalid" },
    ]);
  });

  it(`locks an account after ${ACCOUNT_FAILURE_LIMIT} failures, even for the right password`, async () => {
    const user = await userWithPassword("the right passphrase here");
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      expect(
        (await authenticateWithPassword({ email: user.email, password: `guess ${i} guess guess` }, ip())).ok,
      ).toBe(false);
    }
    const locked = await authenticateWithPassword(
      { email: user.email, password: "the right passphrase here" },
      ip(),
    );
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect(locked.ok === false && locked.reason === "throttled" && locked.retryAfterSeconds).toBeGreaterThan(
      800,
    );
  });

  it("counts parallel guesses exactly", async () => {
    const user = await userWithPassword("the right passphrase here");
    await Promise.all(
      Array.from({ length: ACCOUNT_FAILURE_LIMIT }, (_, i) =>
        authenticateWithPassword({ email: user.email, password: `parallel ${i} guess` }, ip()),
      ),
    );
    expect(
      await authenticateWithPassword({ email: user.email, password: "the right passphrase here" }, ip()),
    ).toMatchObject({ reason: "throttled" });
  });

  it(`locks an IP address after ${IP_FAILURE_LIMIT} failures across accounts`, async () => {
    const address = ip();
    for (let i = 0; i < IP_FAILURE_LIMIT; i++) {
      await authenticateWithPassword(
        { email: `${randomUUID()}@example.test`, password: "nope nope nope" },
        address,
      );
    }
    const user = await userWithPassword("the right passphrase here");
    expect(
      await authenticateWithPassword({ email: user.email, password: "the right passphrase here" }, address),
    ).toMatchObject({ reason: "throttled" });
    expect(
      (await authenticateWithPassword({ email: user.email, password: "the right passphrase here" }, ip())).ok,
    ).toBe(true);
  });

  it("clears an account's failures after a successful sign-in", async () => {
    const user = await userWithPassword("the right passphrase here");
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++)
      await authenticateWithPassword({ email: user.email, password: "bad guess here" }, ip());
    expect(
      (await authenticateWithPassword({ email: user.email, password: "the right passphrase here" }, ip())).ok,
    ).toBe(true);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++)
      await authenticateWithPassword({ email: user.email, password: "bad guess here" }, ip());
    expect(
      (await authenticateWithPassword({ email: user.email, password: "the right passphrase here" }, ip())).ok,
    ).toBe(true);
  });
});
