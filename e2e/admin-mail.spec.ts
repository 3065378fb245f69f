import { randomUUID } from "node:crypto";
import { e2eSmtpPort } from "../scripts/lib/e2e-database.mjs";
import { decodedBody, startTestSmtpServer } from "../tests/support/smtp-server";
import { expect, seriousA11yViolations, test } from "./fixtures";

/**
 * /admin/mail (docs/decisions/039): the outbox's status for admins, a test mail that
 * reaches the real SMTP server this file runs on E2E_PORT + 2 (scripts/e2e-server.mjs
 * points the servers at it), Try again on a failed mail, and a 404 for everyone else.
 */
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
test.beforeAll(async () => {
  smtp = await startTestSmtpServer(e2eSmtpPort());
});
test.afterAll(() => smtp?.close());

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("an admin sees the outbox, tries a failed mail again and gets a test mail", async ({
      page,
      login,
      db,
    }) => {
      const admin = await login({ role: "admin" });
      const recipient = `jane-${randomUUID().slice(0, 8)}@example.test`;
      const failed = await db.outboxMail.create({
        data: {
          kind: "password-reset",
          to: recipient,
          subject: "Reset your password",
          text: "https://blog.example/reset-password/not-for-your-eyes",
          html: "<p>not for your eyes</p>",
          status: "failed",
          attempts: 8,
          lastError: "550 5.1.1 mailbox unavailable",
        },
      });

      await page.goto("/admin/posts");
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Mail" }).click();
      await expect(page.getByRole("heading", { name: "Mail", level: 1 })).toBeVisible();
      await expect(
        page.getByText(/^Mail can be sent: through the SMTP server at 127\.0\.0\.1:\d+\.$/),
      ).toBeVisible();
      await expect(page.getByText("Sent in the last 24 hours")).toBeVisible();
      const failure = page.getByRole("listitem").filter({ hasText: "j•••@example.test" }).filter({
        hasText: "550 5.1.1 mailbox unavailable",
      });
      await expect(failure).toContainText("8 attempts");
      await expect(page.getByText(recipient)).toHaveCount(0);
      await expect(page.getByText(/not for your eyes/)).toHaveCount(0);
      if (javaScript) expect(await seriousA11yViolations(page)).toEqual([]);

      // Try again: back in the queue, then sent to the SMTP server listening now.
      await failure
        .getByRole("button", { name: /^Try again/ })
        .first()
        .click();
      await expect(page.getByRole("status")).toContainText("back in the queue");
      await expect
        .poll(async () => (await db.outboxMail.findUniqueOrThrow({ where: { id: failed.id } })).status, {
          timeout: 20_000,
        })
        .toBe("sent");
      expect(smtp.received.some((mail) => mail.to.includes(recipient))).toBe(true);

      await page.getByRole("button", { name: "Send a test mail to me" }).click();
      await expect(page.getByRole("status")).toContainText("Test mail queued to your address");
      await expect
        .poll(() => smtp.received.filter((mail) => mail.to.includes(admin.email)).length, { timeout: 20_000 })
        .toBe(1);
      const mail = smtp.received.find((received) => received.to.includes(admin.email))!;
      // The subject is encoded (it holds a "·"): Test mail · <blog>.
      expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?Q\?Test_mail_=C2=B7_/m);
      expect(decodedBody(mail.raw)).toContain(`${admin.name} asked for this test on the blog's mail page`);
    });
  });
}

test("the page fits a phone screen", async ({ page, login }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login({ role: "admin" });
  await page.goto("/admin/mail");
  await expect(page.getByRole("heading", { name: "Latest failures" })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test("a commenter gets the 404", async ({ page, login }) => {
  await login();
  const response = await page.goto("/admin/mail");
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Send a test mail to me")).toHaveCount(0);
});
