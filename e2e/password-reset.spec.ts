import { e2eSmtpPort } from "../scripts/lib/e2e-database.mjs";
import { decodedBody, startTestSmtpServer } from "../tests/support/smtp-server";
import { expect, newPerson, seriousA11yViolations, signIn, test, type TestUser } from "./fixtures";

/**
 * Password reset end to end (docs/decisions/032): the servers send through SMTP_URL to
 * a real SMTP server this file runs (scripts/e2e-server.mjs points them at it), and the
 * link is read from the mail that server received.
 */
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
test.beforeAll(async () => {
  smtp = await startTestSmtpServer(e2eSmtpPort());
});
test.afterAll(() => smtp?.close());

async function resetLinkMailedTo(email: string): Promise<string> {
  let link = "";
  await expect
    .poll(
      () => {
        const mail = smtp.received.findLast((m) => m.to.includes(email));
        link = mail
          ? (/http:\/\/\S+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(decodedBody(mail.raw))?.[0] ?? "")
          : "";
        return link;
      },
      { timeout: 20_000 },
    )
    .not.toBe("");
  return link;
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("a mailed link sets a new password; the old one stops working", async ({ page, createUser }) => {
      const user: TestUser = await createUser();
      await page.goto("/signin");
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
      if (javaScript) expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByLabel("Email").fill(user.email);
      await page.getByRole("button", { name: "Send me a reset link" }).click();
      await expect(page.getByRole("status")).toContainText("If an account uses this address");

      const link = await resetLinkMailedTo(user.email);
      expect(link.startsWith(`${new URL(page.url()).origin}/reset-password/`)).toBe(true);
      await page.goto(link);
      await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
      if (javaScript) expect(await seriousA11yViolations(page)).toEqual([]);
      // The sign-up rules hold here too.
      await page.getByLabel("New password").fill("short");
      await page.getByRole("button", { name: "Set new password" }).click();
      await expect(page.getByText(/Use at least 15 characters/)).toBeVisible();
      const fresh = `${newPerson().password} renewed`;
      await page.getByLabel("New password").fill(fresh);
      await page.getByRole("button", { name: "Set new password" }).click();
      await expect(page).toHaveURL(/\/signin\?notice=password-reset$/);
      await expect(page.getByRole("status")).toContainText("Your password is changed");

      // Used up: the link now says so and offers a new one.
      await page.goto(link);
      await expect(page.getByText(/^This link was already used/)).toBeVisible();
      await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();

      // The old password fails; the new one signs in.
      await page.goto("/signin");
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(user.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
      await signIn(page, { ...user, password: fresh }, "/", { javaScript });
    });
  });
}

test("an address without an account gets the same answer, and a broken link a way to ask again", async ({
  page,
}) => {
  const stranger = newPerson("nobody");
  await page.goto("/reset-password");
  await page.getByLabel("Email").fill(stranger.email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address");

  await page.goto(`/reset-password/${"x".repeat(43)}`);
  await expect(page.getByText(/^This link is not valid/)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  expect(smtp.received.some((mail) => mail.to.includes(stranger.email))).toBe(false);
});
