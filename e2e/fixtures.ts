import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { cacheExpireToken } from "../lib/cache/expire-token.mjs";

export const DEMO_POST_PATH = "/2024/06/n-korea-russia-sign-mutual-defence-deal";
export const DEMO_POST_TITLE = "N. Korea, Russia sign mutual defence deal";

type Fixtures = {
  /** Fails the test on any console error or uncaught page error it did not expect. */
  consoleErrors: string[];
};

export const test = base.extend<Fixtures>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      // 404 pages log the failed document request; that is the expected outcome there.
      expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Axe violations that matter: serious and critical ones. */
export async function seriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((n) => n.target.join(" ")),
    }));
}

/** The thread's top-level comments, in order. */
export function topLevelComments(page: Page) {
  return page.locator("#comments > ol > li");
}

const E2E_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: "file:./data/e2e/e2e.db",
  NODE_ENV: "test",
};

/**
 * After a test wrote to the database directly (not through the app, which expires what
 * it changes): expire every cached page, as `npm run cache:expire` does for operators.
 */
export async function expireReaderCache(request: APIRequestContext) {
  // The secret scripts/e2e-server.mjs gives the server.
  const secret = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789abcdef";
  const response = await request.post("/api/cache/expire", {
    headers: { authorization: `Bearer ${cacheExpireToken(secret)}` },
  });
  expect(response.status()).toBe(200);
}

/** A fresh copy of the demo thread for a test that changes it; returns its path. */
export function cloneDemoPost(): string {
  const slug = `demo-copy-${randomUUID().slice(0, 8)}`;
  execFileSync(
    "npx",
    ["tsx", "--import", "./scripts/lib/allow-server-only.mjs", "e2e/support/clone-demo-post.ts", slug],
    {
      env: E2E_ENV,
    },
  );
  return `/2001/01/${slug}`;
}

/** Grants a role through the same CLI an operator would use. */
export function grantRole(email: string, role: "commenter" | "moderator" | "admin"): void {
  execFileSync(
    "npx",
    ["tsx", "--import", "./scripts/lib/allow-server-only.mjs", "scripts/user-role.ts", email, role],
    {
      env: E2E_ENV,
    },
  );
}

export const MODERATOR = {
  email: "moderator@commonplace.local",
  password: "moderate-the-demo-thread",
  name: "Demo Moderator",
};

export function newPerson(prefix = "reader") {
  const id = randomUUID().slice(0, 8);
  return {
    name: `${prefix} ${id}`,
    email: `${prefix}-${id}@example.test`,
    password: `a long passphrase ${id}`,
  };
}

export async function signUp(
  page: Page,
  person: { name: string; email: string; password: string },
  returnTo = "/",
  { javaScript = true } = {},
) {
  await page.goto(`/signup?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  if (javaScript) {
    await expect(page.getByText(`Signed in as ${person.name}`)).toBeVisible();
  } else {
    // Cached pages are the same for everyone: only the browser can say who is signed in.
    await expect(page).toHaveURL(returnTo);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).toContain("authjs.session-token");
  }
}

export async function signIn(
  page: Page,
  person: { email: string; password: string },
  returnTo = "/",
  { javaScript = true } = {},
) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (javaScript) {
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  } else {
    await expect(page).toHaveURL(returnTo);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).toContain("authjs.session-token");
  }
}

/** The i-th reply (0-based) directly under a comment item. */
export function repliesOf(comment: Locator) {
  return comment.locator(":scope > .comment-replies > ol > li");
}
