import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { getCurrentUserById } from "@/lib/data/users";
import { createMailTransport } from "@/lib/mail/transport";
import { createMailWorker } from "@/lib/mail/worker";
import { createUser } from "@/tests/support/factories";
import { decodedBody, startTestSmtpServer } from "@/tests/support/smtp-server";
import {
  confirmEmailLink,
  EMAIL_CHANGE_RULE,
  requestEmailChange,
  sendVerificationAgain,
  VERIFY_LINK_HOURS,
  VERIFY_SEND_RULE,
} from "./email-verification";
import { signUpWithPassword } from "./sign-up";

const PASSWORD = "the passphrase of this account";
const LINK = /\/verify-email\?token=([A-Za-z0-9_-]{43})/;
const HOUR = 60 * 60_000;

let counter = 0;
const address = () => `203.0.${(counter += 1) % 250}.${parseInt(randomUUID().slice(0, 2), 16)}`;
const freshEmail = () => `${randomUUID()}@example.test`;

async function account(overrides: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser({ passwordHash: await hashPassword(PASSWORD), ...overrides });
  return (await getCurrentUserById(user.id))!;
}

/** The token in the newest mail queued for `email`, or null if none carries a link. */
async function tokenMailedTo(email: string): Promise<string | null> {
  const mail = await db.outboxMail.findFirst({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return mail ? (LINK.exec(mail.text)?.[1] ?? null) : null;
}

const mailsTo = (email: string) => db.outboxMail.findMany({ where: { to: email } });

describe("verification at sign-up", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(() => smtp.close());

  it("queues the link with the account; the mail reaches an SMTP server; the link verifies once", async () => {
    const email = freshEmail();
    const signUp = { name: "New Reader", email, password: PASSWORD };
    expect(await signUpWithPassword(signUp, address())).toEqual({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull();
    expect(await db.emailVerification.count({ where: { userId: user.id, purpose: "verify" } })).toBe(1);

    const transport = createMailTransport({
      smtpUrl: smtp.url,
      from: { name: "Blog", address: "blog@example.test" },
      dir: "unused",
      messageIdHost: "example.test",
    });
    await createMailWorker({ db, transport, maxAttempts: 3 }).runOnce();
    transport.close();
    const received = smtp.received.find((mail) => mail.to.includes(email));
    expect(received).toBeDefined();
    const token = LINK.exec(decodedBody(received!.raw))![1];
    // Only the hash is stored.
    expect(await db.emailVerification.count({ where: { tokenHash: token } })).toBe(0);

    expect(await confirmEmailLink(token)).toEqual({ ok: true, purpose: "verify", email, userId: user.id });
    const verified = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(verified.emailVerifiedAt).toBeInstanceOf(Date);
    expect(verified.sessionVersion).toBe(user.sessionVersion);
    expect(await confirmEmailLink(token)).toEqual({ ok: false, reason: "used" });

    // Signing up again with the address creates nothing and mails nothing.
    const before = (await mailsTo(email)).length;
    expect(await signUpWithPassword({ ...signUp, name: "Someone Else" }, address())).toEqual({ ok: true });
    expect(await mailsTo(email)).toHaveLength(before);
    expect(await db.emailVerification.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses an expired link, a changed character and garbage, and verifies nothing", async () => {
    const user = await account();
    const now = new Date();
    expect(await sendVerificationAgain(user, now)).toEqual({ ok: true });
    const token = (await tokenMailedTo(user.email))!;
    const changed = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(await confirmEmailLink(changed, now)).toEqual({ ok: false, reason: "invalid" });
    const later = new Date(now.getTime() + VERIFY_LINK_HOURS * HOUR + 1000);
    expect(await confirmEmailLink(token, later)).toEqual({ ok: false, reason: "expired" });
    expect((await getCurrentUserById(user.id))!.emailVerifiedAt).toBeNull();
    // Within the day it still works.
    const stillValid = new Date(now.getTime() + VERIFY_LINK_HOURS * HOUR - 1000);
    expect(await confirmEmailLink(token, stillValid)).toMatchObject({ ok: true });
  });

  it("twenty simultaneous clicks on one link: one verifies, the others read 'used'", async () => {
    const user = await account();
    await sendVerificationAgain(user);
    const token = (await tokenMailedTo(user.email))!;
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => confirmEmailLink(token)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual(
      Array.from({ length: 19 }, () => ({ ok: false, reason: "used" })),
    );
  });

  it("sends again a few times an hour, and never to a verified address", async () => {
    const user = await account();
    const now = new Date();
    for (let i = 0; i < VERIFY_SEND_RULE.max; i++)
      expect(await sendVerificationAgain(user, now)).toEqual({ ok: true });
    expect(await sendVerificationAgain(user, now)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await mailsTo(user.email)).toHaveLength(VERIFY_SEND_RULE.max);
    // Every link sent works (the newest does not void the others before one is used).
    const tokens = (await mailsTo(user.email)).map((mail) => LINK.exec(mail.text)![1]);
    expect(await confirmEmailLink(tokens[0])).toMatchObject({ ok: true });
    const verified = (await getCurrentUserById(user.id))!;
    expect(await sendVerificationAgain(verified)).toEqual({ ok: false, reason: "verified" });
  });
});

describe("change of address", () => {
  it("mails a link to the new address and a notice without one to the old; following it moves the account", async () => {
    const user = await account({ emailVerifiedAt: new Date("2026-01-01") });
    const newEmail = freshEmail();
    await db.passwordReset.create({
      data: { userId: user.id, tokenHash: randomUUID(), expiresAt: new Date(Date.now() + HOUR) },
    });
    expect(await requestEmailChange(user, newEmail, PASSWORD)).toEqual({ ok: true });
    const [notice] = await mailsTo(user.email);
    expect(notice.kind).toBe("email-change-notice");
    expect(notice.text).toContain(newEmail);
    expect(notice.text).toContain("If this wasn't you");
    expect(notice.text).not.toMatch(/token=/);
    const token = (await tokenMailedTo(newEmail))!;
    // Nothing changes until the link is followed.
    expect((await getCurrentUserById(user.id))!.email).toBe(user.email);

    expect(await confirmEmailLink(token)).toEqual({
      ok: true,
      purpose: "change",
      email: newEmail,
      userId: user.id,
    });
    const moved = (await getCurrentUserById(user.id))!;
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerifiedAt!.getTime()).toBeGreaterThan(new Date("2026-01-02").getTime());
    // Every session ends, as a password reset does; open reset links (mailed to the old address) die.
    expect(moved.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await db.passwordReset.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
    expect(await confirmEmailLink(token)).toEqual({ ok: false, reason: "used" });
  });

  it("answers alike for an address another account uses, but mails it no link and changes nothing", async () => {
    const user = await account();
    const other = await account();
    expect(await requestEmailChange(user, other.email, PASSWORD)).toEqual({ ok: true });
    expect(await mailsTo(other.email)).toEqual([]);
    expect(await db.emailVerification.count({ where: { userId: user.id } })).toBe(0);
    // The old address gets the same notice as when the address was free.
    const [notice] = await mailsTo(user.email);
    expect(notice).toMatchObject({ kind: "email-change-notice" });
    expect((await getCurrentUserById(user.id))!.email).toBe(user.email);
  });

  it("refuses a wrong password, the same address and too many requests, queueing nothing", async () => {
    const user = await account();
    expect(await requestEmailChange(user, freshEmail(), "not the passphrase")).toEqual({
      ok: false,
      reason: "wrong-password",
    });
    expect(await requestEmailChange(user, user.email, PASSWORD)).toEqual({ ok: false, reason: "same" });
    const oauth = await account({ passwordHash: null });
    expect(await requestEmailChange(oauth, freshEmail(), "")).toEqual({ ok: false, reason: "no-password" });
    expect(await mailsTo(user.email)).toEqual([]);
    const now = new Date();
    for (let i = 0; i < EMAIL_CHANGE_RULE.max; i++)
      expect(await requestEmailChange(user, freshEmail(), PASSWORD, now)).toEqual({ ok: true });
    const late = freshEmail();
    expect(await requestEmailChange(user, late, PASSWORD, now)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
    expect(await mailsTo(late)).toEqual([]);
  });

  it("two accounts racing for one new address: the first link followed wins, the other says 'taken'", async () => {
    const [first, second] = [await account(), await account()];
    const wanted = freshEmail();
    await requestEmailChange(first, wanted, PASSWORD);
    await requestEmailChange(second, wanted, PASSWORD);
    const links = (await mailsTo(wanted)).map((mail) => LINK.exec(mail.text)![1]);
    expect(links).toHaveLength(2);
    const outcomes = await Promise.all(links.map((token) => confirmEmailLink(token)));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([{ ok: false, reason: "taken" }]);
    expect(await db.user.count({ where: { email: wanted } })).toBe(1);
  });

  it("a verification link of the old address dies with the change", async () => {
    const user = await account();
    await sendVerificationAgain(user);
    const verifyOld = (await tokenMailedTo(user.email))!;
    const newEmail = freshEmail();
    await requestEmailChange(user, newEmail, PASSWORD);
    expect(await confirmEmailLink((await tokenMailedTo(newEmail))!)).toMatchObject({ ok: true });
    expect(await confirmEmailLink(verifyOld)).toEqual({ ok: false, reason: "used" });
    expect((await getCurrentUserById(user.id))!.email).toBe(newEmail);
  });
});
