import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { formData, runAction } from "@/tests/support/actions";
import { createUser } from "@/tests/support/factories";
import { request, signInAs } from "@/tests/support/session";
import { changeEmailAction, sendVerificationAction } from "./actions";
import { ACCOUNT_PAGE_MESSAGES, EMAIL_MESSAGES } from "./messages";

/** /account's address actions (docs/decisions/034), as requests would call them. */
const PASSWORD = "a long and private passphrase";
const idle = { status: "idle" } as const;

const passwordUser = async () => createUser({ passwordHash: await hashPassword(PASSWORD) });
const changeEmail = (newEmail: string, currentPassword = PASSWORD) =>
  runAction(() => changeEmailAction(idle, formData({ newEmail, currentPassword })));
const queuedTo = (email: string) => db.outboxMail.findMany({ where: { to: email }, select: { kind: true } });

describe("sendVerificationAction", () => {
  it("queues a new link for the caller's own address; without JavaScript it lands on /account with a notice", async () => {
    const user = await createUser();
    signInAs(user.id);
    expect(await runAction(() => sendVerificationAction())).toEqual({ status: "success" });
    expect(await queuedTo(user.email)).toEqual([{ kind: "email-verification" }]);
    request.withScript = false;
    expect(await runAction(() => sendVerificationAction())).toEqual({
      status: "redirect",
      redirectTo: "/account?notice=verification-sent",
    });
    expect(await queuedTo(user.email)).toHaveLength(2);
  });

  it("says so to a verified account, and throttles", async () => {
    const verified = await createUser({ emailVerifiedAt: new Date() });
    signInAs(verified.id);
    expect(await runAction(() => sendVerificationAction())).toEqual({
      status: "error",
      formError: EMAIL_MESSAGES.verified,
    });
    const user = await createUser();
    signInAs(user.id);
    for (let i = 0; i < 3; i++) await runAction(() => sendVerificationAction());
    expect(await runAction(() => sendVerificationAction())).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/several links in the last hour/),
    });
    expect(await queuedTo(user.email)).toHaveLength(3);
  });
});

describe("changeEmailAction", () => {
  it("gives one answer whether the new address is free or another account's", async () => {
    const user = await passwordUser();
    const other = await createUser();
    signInAs(user.id);
    const free = `${randomUUID()}@example.test`;
    const answers = [await changeEmail(free), await changeEmail(other.email.toUpperCase())];
    expect(answers[0]).toEqual({ status: "success", values: { newEmail: free } });
    expect(answers[1]).toEqual({ status: "success", values: { newEmail: other.email } });
    expect(await queuedTo(free)).toEqual([{ kind: "email-change" }]);
    expect(await queuedTo(other.email)).toEqual([]);
    expect(await queuedTo(user.email)).toEqual([
      { kind: "email-change-notice" },
      { kind: "email-change-notice" },
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("checks the address and the password, keeping what was typed but the password", async () => {
    const user = await passwordUser();
    signInAs(user.id);
    expect(await changeEmail("not an address")).toMatchObject({
      status: "error",
      fieldErrors: { newEmail: expect.stringMatching(/valid email/) },
      values: { newEmail: "not an address" },
    });
    const wrong = await changeEmail(`${randomUUID()}@example.test`, "not the passphrase");
    expect(wrong).toMatchObject({ fieldErrors: { currentPassword: ACCOUNT_PAGE_MESSAGES.wrongPassword } });
    expect(JSON.stringify(wrong)).not.toContain("not the passphrase");
    expect(await changeEmail(` ${user.email.toUpperCase()} `)).toMatchObject({
      fieldErrors: { newEmail: EMAIL_MESSAGES.same },
    });
    expect(await queuedTo(user.email)).toEqual([]);
  });

  it("without JavaScript lands on /account with a notice; the signed-out and the banned are refused", async () => {
    const user = await passwordUser();
    signInAs(user.id);
    request.withScript = false;
    expect(await changeEmail(`${randomUUID()}@example.test`)).toEqual({
      status: "redirect",
      redirectTo: "/account?notice=email-change-requested",
    });
    signInAs(null);
    expect(await changeEmail(`${randomUUID()}@example.test`)).toMatchObject({ status: "error" });
    const banned = await createUser({ bannedAt: new Date(), passwordHash: await hashPassword(PASSWORD) });
    signInAs(banned.id);
    const target = `${randomUUID()}@example.test`;
    expect(await changeEmail(target)).toMatchObject({ status: "error" });
    expect(await queuedTo(target)).toEqual([]);
  });
});
