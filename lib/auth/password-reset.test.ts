import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createMailTransport } from "@/lib/mail/transport";
import { createMailWorker } from "@/lib/mail/worker";
import { createUser } from "@/tests/support/factories";
import { decodedBody, startTestSmtpServer } from "@/tests/support/smtp-server";
import { authenticateWithPassword } from "./authenticate";
import {
  RESET_EMAIL_RULE,
  RESET_LINK_MINUTES,
  requestPasswordReset,
  resetPassword,
  resetTokenState,
} from "./password-reset";

let counter = 0;
const address = () => `198.51.${(counter += 1) % 250}.${parseInt(randomUUID().slice(0, 2), 16)}`;
const OLD = "the old passphrase of this account";
const NEW = "a brand new passphrase for the reset";

async function account() {
  const email = `${randomUUID()}@example.test`;
  const user = await createUser({ email, passwordHash: await hashPassword(OLD) });
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  return { id: user.id, email, sessionVersion };
}

/** The token in the link of the newest mail queued for `email`. */
async function tokenMailedTo(email: string): Promise<string> {
  const mail = await db.outboxMail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
}

const signsIn = async (email: string, password: string) =>
  (await authenticateWithPassword({ email, password }, address())).ok;

describe("password reset", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());

  it("mails a link through the outbox that sets a new password and ends other sessions", async () => {
    const user = await account();
    expect(await requestPasswordReset(user.email, address())).toEqual({ ok: true });
    // Queued with the token in one transaction; delivered by the worker to a real SMTP server.
    const transport = createMailTransport({
      smtpUrl: smtp.url,
      from: { name: "Blog", address: "blog@example.test" },
      dir: "unused",
      messageIdHost: "example.test",
    });
    await createMailWorker({ db, transport, maxAttempts: 3 }).runOnce();
    const received = smtp.received.find((mail) => mail.to.includes(user.email));
    expect(received).toBeDefined();
    const body = decodedBody(received!.raw);
    const token = /\/reset-password\/([A-Za-z0-9_-]{43})/.exec(body)![1];
    expect(body).toContain(`http://localhost:3000/reset-password/${token}`);
    expect(body).toContain("Choose a new password:");

    // Only the token's hash is kept.
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeCloseTo(
      RESET_LINK_MINUTES * 60_000,
      -4,
    );

    expect(await resetTokenState(token)).toBe("valid");
    expect(await resetPassword(token, NEW, address())).toEqual({ ok: true });
    expect(await signsIn(user.email, NEW)).toBe(true);
    expect(await signsIn(user.email, OLD)).toBe(false);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    // Used up.
    expect(await resetTokenState(token)).toBe("used");
    expect(await resetPassword(token, "yet another passphrase to try", address())).toEqual({
      ok: false,
      reason: "used",
    });
  });

  it("answers alike for an address without an account, and mails nothing", async () => {
    const email = `${randomUUID()}@example.test`;
    expect(await requestPasswordReset(email, address())).toEqual({ ok: true });
    expect(await db.outboxMail.count({ where: { to: email } })).toBe(0);
  });

  it("refuses an expired link, a tampered one, and the older links once one was used", async () => {
    const user = await account();
    const past = new Date(Date.now() - (RESET_LINK_MINUTES + 1) * 60_000);
    await requestPasswordReset(user.email, address(), past);
    const expired = await tokenMailedTo(user.email);
    expect(await resetTokenState(expired)).toBe("expired");
    expect(await resetPassword(expired, NEW, address())).toEqual({ ok: false, reason: "expired" });

    await requestPasswordReset(user.email, address());
    const first = await tokenMailedTo(user.email);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await requestPasswordReset(user.email, address());
    const second = await tokenMailedTo(user.email);
    expect(second).not.toBe(first);
    const tampered = `${second.slice(0, -1)}${second.endsWith("A") ? "B" : "A"}`;
    expect(await resetPassword(tampered, NEW, address())).toEqual({ ok: false, reason: "invalid" });
    expect(await resetPassword(second, NEW, address())).toEqual({ ok: true });
    expect(await resetPassword(first, "a third passphrase for this", address())).toEqual({
      ok: false,
      reason: "used",
    });
    expect(await signsIn(user.email, NEW)).toBe(true);
  });

  it("sets one password when one link is used twenty times at once", async () => {
    const user = await account();
    await requestPasswordReset(user.email, address());
    const token = await tokenMailedTo(user.email);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => resetPassword(token, `${NEW} number ${i}`, address())),
    );
    const winners = outcomes.flatMap((outcome, i) => (outcome.ok ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(await signsIn(user.email, `${NEW} number ${winners[0]}`)).toBe(true);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("limits requests per email address whether or not it has an account, and per network address", async () => {
    for (const email of [(await account()).email, `${randomUUID()}@example.test`]) {
      for (let i = 0; i < RESET_EMAIL_RULE.max; i++)
        expect(await requestPasswordReset(email, address())).toEqual({ ok: true });
      const refused = await requestPasswordReset(email, address());
      expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    }
    const ip = address();
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(await requestPasswordReset(`${randomUUID()}@example.test`, ip));
    expect(answers.slice(0, 20).every((answer) => answer.ok)).toBe(true);
    expect(answers[20]).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("refuses, instead of claiming a mail was sent, in production without SMTP_URL", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("SMTP_URL", "");
    vi.resetModules();
    try {
      const fresh = await import("./password-reset");
      const user = await account();
      expect(await fresh.requestPasswordReset(user.email, address())).toEqual({
        ok: false,
        reason: "unavailable",
      });
      expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(0);
      expect(await db.outboxMail.count({ where: { to: user.email } })).toBe(0);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});
