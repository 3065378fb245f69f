import type { Page } from "@playwright/test";
import { e2eSmtpPort } from "../scripts/lib/e2e-database.mjs";
import { decodedBody, startTestSmtpServer } from "../tests/support/smtp-server";
import { expect, newPerson, seriousA11yViolations, signIn, signInThroughApi, signUp, test } from "./fixtures";

/**
 * Verifying an address and changing it, end to end (docs/decisions/034): the servers send
 * through SMTP_URL to a real SMTP server this file runs (scripts/e2e-server.mjs points
 * them at it), and the links are read from the mails that server received.
 */
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
test.beforeAll(async () => {
  smtp = await startTestSmtpServer(e2eSmtpPort());
});
test.afterAll(() => smtp?.close());

const LINK = /http:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]{43}/;

/** The newest mail `email` received whose body matches `pattern`, waited for. */
async function mailTo(email: string, pattern: RegExp): Promise<string> {
  let body = "";
  await expect
    .poll(
      () => {
        const mail = smtp.received.findLast((m) => m.to.includes(email) && pattern.test(decodedBody(m.raw)));
        body = mail ? decodedBody(mail.raw) : "";
        return body;
      },
      { timeout: 20_000 },
    )
    .not.toBe("");
  return body;
}

const linkMailedTo = async (email: string) => LINK.exec(await mailTo(email, LINK))![0];

async function expectSignInFails(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
}

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("sign up, read the mailed link, follow it: the address is verified", async ({ page }) => {
      const person = newPerson("verifier");
      await signUp(page, person, "/", { javaScript });
      const link = await linkMailedTo(person.email);
      expect(link.startsWith(`${new URL(page.url()).origin}/verify-email?token=`)).toBe(true);

      await page.goto("/account");
      await expect(page.getByText("not verified yet")).toBeVisible();
      await expect(page.getByRole("button", { name: "Send the link again" })).toBeVisible();
      if (javaScript) expect(await seriousA11yViolations(page)).toEqual([]);

      await page.goto(link);
      await expect(page.getByRole("status")).toContainText(`${person.email} is verified`);
      if (javaScript) expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole("link", { name: "Go to your account" }).click();
      await expect(page.getByText(/verified on/)).toBeVisible();
      await expect(page.getByRole("button", { name: "Send the link again" })).toHaveCount(0);

      // Used up: the link says so.
      await page.goto(link);
      await expect(page.getByText(/^This link was already used/)).toBeVisible();
    });

    test("change the address: both mails arrive, the link moves the account, the old address no longer signs in", async ({
      page,
      createUser,
    }) => {
      const user = await createUser();
      const fresh = newPerson("moved").email;
      await signIn(page, user, "/account", { javaScript });
      await page.goto("/account");
      await page.getByLabel("New email address").fill(fresh);
      await page.getByLabel("Password to confirm").fill(user.password);
      await page.getByRole("button", { name: "Change email address" }).click();
      await expect(page.getByRole("status")).toContainText("We have sent a link to the new address");

      const notice = await mailTo(user.email, /asked to change its email address/);
      expect(notice).toContain(fresh);
      expect(notice).toContain("If this wasn't you");
      expect(notice).not.toMatch(LINK);
      const link = await linkMailedTo(fresh);
      // Nothing changed yet.
      await page.goto("/account");
      const address = page.getByRole("region", { name: "Email address" });
      await expect(address.getByText(user.email, { exact: true })).toBeVisible();

      await page.goto(link);
      await expect(page.getByRole("status")).toContainText(`Your account now uses ${fresh}`);
      if (javaScript) expect(await seriousA11yViolations(page)).toEqual([]);
      // Every session ended, this one too.
      await page.goto("/account");
      await expect(page).toHaveURL(/\/signin\?/);

      await expectSignInFails(page, user.email, user.password);
      await signIn(page, { ...user, email: fresh }, "/account", { javaScript });
      await page.goto("/account");
      await expect(address.getByText(fresh, { exact: true })).toBeVisible();
      await expect(address.getByText(/verified on/)).toBeVisible();
    });
  });
}

test("a broken link says so and offers a new one, signed out or in", async ({ page, createUser }) => {
  await page.goto(`/verify-email?token=${"x".repeat(43)}`);
  await expect(page.getByText(/^This link is not valid/)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await expect(page.getByRole("link", { name: "Sign in to send a new link" })).toBeVisible();

  const user = await createUser();
  await signIn(page, user, "/");
  await page.goto("/verify-email?token=nonsense");
  await expect(page.getByText(/^This link is not valid/)).toBeVisible();
  await page.getByRole("button", { name: "Send me a new link" }).click();
  await expect(page.getByRole("status")).toContainText("We have sent a new link");
  await page.goto(await linkMailedTo(user.email));
  await expect(page.getByRole("status")).toContainText(`${user.email} is verified`);
});

test("with 'Unverified accounts can comment' off, a commenter verifies first, then comments", async ({
  page,
  browser,
  login,
  createUser,
  createPost,
}) => {
  const admin = await createUser({ role: "admin" });
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signInThroughApi(adminPage.request, admin);
  const setting = adminPage.getByLabel("Unverified accounts can comment");
  const save = async (on: boolean) => {
    await adminPage.goto("/admin/settings");
    await setting.setChecked(on);
    await adminPage.getByRole("button", { name: "Save settings" }).click();
    await expect(adminPage).toHaveURL(/\/admin\/settings\?notice=saved$/);
    await expect(setting).toBeChecked({ checked: on });
  };
  try {
    await save(false);
    expect(await seriousA11yViolations(adminPage)).toEqual([]);

    const post = await createPost({ comments: [{ body: "Already here." }] });
    const me = await login();
    await page.goto(post.path);
    const words = "Words that wait for a verified address.";
    await page.getByLabel("Comment", { exact: true }).fill(words);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText(/^Confirm your email address to comment/)).toBeVisible();
    await expect(page.getByLabel("Comment", { exact: true })).toHaveValue(words);

    await page.goto("/account");
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByRole("status")).toContainText("We have sent a new link");
    await page.goto(await linkMailedTo(me.email));
    await expect(page.getByRole("status")).toContainText(`${me.email} is verified`);

    await page.goto(post.path);
    await page.getByLabel("Comment", { exact: true }).fill(words);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("heading", { name: "2 comments:" })).toBeVisible();
    await expect(page.getByText(words)).toBeVisible();
  } finally {
    // The e2e database is shared by every spec: the default comes back whatever happened.
    await save(true);
    await adminContext.close();
  }
});
