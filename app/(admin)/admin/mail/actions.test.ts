import { beforeEach, describe, expect, it } from "vitest";
import { queueMail } from "@/lib/data/outbox";
import { retryFailedMail } from "@/lib/data/mail-status";
import { db } from "@/lib/db";
import { createDbClient } from "@/lib/db/client";
import { getMailPage } from "@/lib/mail/admin-page";
import { formData, runAction } from "@/tests/support/actions";
import { createUser } from "@/tests/support/factories";
import { signInAs } from "@/tests/support/session";
import { retryMailAction, sendTestMailAction } from "./actions";
import { TEST_MAILS_PER_HOUR } from "./messages";

const SECRET_LINK = "https://blog.example/reset-password/secret-token";

async function failedMail(to = "jane.doe@example.com", createdAt = new Date()) {
  const { id } = await queueMail(db, {
    kind: "password-reset",
    to,
    subject: "Reset",
    text: `Use ${SECRET_LINK}`,
    html: `<a href="${SECRET_LINK}">reset</a>`,
  });
  await db.outboxMail.update({
    where: { id },
    data: { status: "failed", attempts: 8, lastError: "550 mailbox unavailable", createdAt },
  });
  return id;
}

beforeEach(async () => {
  await db.outboxMail.deleteMany();
});

describe("the mail page's data layer", () => {
  it.each([
    ["signed out", null, "signed-out"],
    ["a commenter", "commenter", "forbidden"],
    ["a moderator", "moderator", "forbidden"],
    ["an author", "author", "forbidden"],
  ] as const)("refuses %s", async (_, role, refusal) => {
    signInAs(role ? (await createUser({ role })).id : null);
    expect(await getMailPage()).toEqual({ ok: false, refusal });
  });

  it("refuses a banned admin", async () => {
    signInAs((await createUser({ role: "admin", bannedAt: new Date() })).id);
    expect(await getMailPage()).toMatchObject({ ok: false });
  });

  it("gives an admin the counts and the latest failures, addresses masked, never a mail's text", async () => {
    const admin = await createUser({ role: "admin" });
    signInAs(admin.id);
    const failed = await failedMail();
    await queueMail(db, {
      kind: "email-verification",
      to: "x@example.com",
      subject: "s",
      text: "t",
      html: "h",
    });
    const sent = await queueMail(db, {
      kind: "test",
      to: "y@example.com",
      subject: "s",
      text: "t",
      html: "h",
    });
    await db.outboxMail.update({ where: { id: sent.id }, data: { status: "sent", sentAt: new Date() } });

    const answer = await getMailPage();
    if (!answer.ok) throw new Error("refused");
    expect(answer.page.outbox).toMatchObject({ pending: 1, sentLastDay: 1, failed: 1 });
    expect(answer.page.outbox.failures).toEqual([
      {
        id: failed,
        kind: "password-reset",
        to: "j•••@example.com",
        attempts: 8,
        lastError: "550 mailbox unavailable",
        createdAt: expect.any(Date),
      },
    ]);
    expect(answer.page.admin.email).toBe(admin.email);
    expect(JSON.stringify(answer)).not.toContain("secret-token");
    expect(JSON.stringify(answer)).not.toContain("jane.doe");
  });
});

describe("Try again", () => {
  it("puts a failed mail back in the queue, due now, its attempts from zero", async () => {
    signInAs((await createUser({ role: "admin" })).id);
    const id = await failedMail();
    const answer = await runAction(() => retryMailAction(formData({ mailId: id })));
    expect(answer).toEqual({ status: "redirect", redirectTo: "/admin/mail?notice=retried" });
    const row = await db.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "pending", attempts: 0, claimToken: null });
    expect(row.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("revives only a failed mail: a pending or sent one is left as it is", async () => {
    signInAs((await createUser({ role: "admin" })).id);
    for (const status of ["pending", "sent"]) {
      const { id } = await queueMail(db, {
        kind: "test",
        to: "a@example.com",
        subject: "s",
        text: "t",
        html: "h",
      });
      await db.outboxMail.update({ where: { id }, data: { status, attempts: 3 } });
      const answer = await runAction(() => retryMailAction(formData({ mailId: id })));
      expect(answer).toEqual({ status: "redirect", redirectTo: "/admin/mail?notice=not-failed" });
      expect(await db.outboxMail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status, attempts: 3 });
    }
  });

  it("revives a failed mail once when many admins press at the same moment", async () => {
    const id = await failedMail();
    const other = createDbClient();
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => retryFailedMail(id, i % 2 ? other : db)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await other.$disconnect();
    }
  });

  it("refuses a commenter and changes nothing", async () => {
    const id = await failedMail();
    signInAs((await createUser()).id);
    const answer = await runAction(() => retryMailAction(formData({ mailId: id })));
    expect(answer).toEqual({ status: "redirect", redirectTo: "/admin/mail?notice=forbidden" });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed" });
  });
});

describe("Send a test mail to me", () => {
  it(`queues a mail to the admin's own address, at most ${TEST_MAILS_PER_HOUR} an hour`, async () => {
    const admin = await createUser({ role: "admin" });
    signInAs(admin.id);
    for (let i = 0; i < TEST_MAILS_PER_HOUR; i++)
      expect(await runAction(() => sendTestMailAction())).toEqual({
        status: "redirect",
        redirectTo: "/admin/mail?notice=test-queued",
      });
    expect(await runAction(() => sendTestMailAction())).toEqual({
      status: "redirect",
      redirectTo: "/admin/mail?notice=test-too-many",
    });
    const mails = await db.outboxMail.findMany({ where: { to: admin.email } });
    expect(mails).toHaveLength(TEST_MAILS_PER_HOUR);
    expect(mails[0]).toMatchObject({ kind: "test", status: "pending" });
    expect(mails[0].subject).toMatch(/^Test mail · /);
  });
});
