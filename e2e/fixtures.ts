import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { cacheExpireToken } from "../lib/cache/expire-token.mjs";
import {
  createComment,
  createGuestComments,
  createPost,
  createUser,
  openE2EDatabase,
  type Role,
  type TestUser,
} from "./support/factories";

export type { CommentSpec, Role, TestComment, TestPost, TestUser } from "./support/factories";

export const DEMO_POST_PATH = "/2024/06/n-korea-russia-sign-mutual-defence-deal";
export const DEMO_POST_TITLE = "N. Korea, Russia sign mutual defence deal";

/** Drops the first argument (the database) of a factory: what a test calls. */
type Bound<F> = F extends (db: never, ...args: infer A) => infer R ? (...args: A) => R : never;

type Fixtures = {
  /** Fails the test on any console error or uncaught page error it did not expect. */
  consoleErrors: string[];
  /**
   * Signs this test's browser context in as a fresh account with `role` (commenter by
   * default), through Auth.js's own credentials endpoint; returns the account. Tests
   * about signing up or in use the forms instead (signUp, signIn below).
   */
  login: (options?: { role?: Role; name?: string }) => Promise<TestUser>;
  createUser: Bound<typeof createUser>;
  createPost: Bound<typeof createPost>;
  createComment: Bound<typeof createComment>;
  createGuestComments: Bound<typeof createGuestComments>;
};

type WorkerFixtures = { db: ReturnType<typeof openE2EDatabase> };

export const test = base.extend<Fixtures, WorkerFixtures>({
  db: [
    async ({}, use) => {
      const db = openE2EDatabase();
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
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
  // `provide` is Playwright's `use`, renamed so the React hooks lint rule leaves it alone.
  createUser: async ({ db }, provide) => provide((options) => createUser(db, options)),
  createPost: async ({ db }, provide) => provide((options) => createPost(db, options)),
  createComment: async ({ db }, provide) => provide((options) => createComment(db, options)),
  createGuestComments: async ({ db }, provide) =>
    provide((postId, count) => createGuestComments(db, postId, count)),
  login: async ({ db, page }, provide) => {
    await provide(async (options) => {
      const user = await createUser(db, options);
      await signInThroughApi(page.request, user);
      return user;
    });
  },
});

export { expect };

/** The credentials sign-in a browser form would post, with Auth.js's CSRF token. */
export async function signInThroughApi(request: APIRequestContext, user: TestUser) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, callbackUrl: "/" },
    maxRedirects: 0,
  });
  const cookies = (await request.storageState()).cookies.map((cookie) => cookie.name);
  if (!cookies.includes("authjs.session-token")) throw new Error(`Could not sign in as ${user.email}`);
}

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

/**
 * A comment in the thread, found as a reader's assistive technology finds it: the list
 * item named after its author (factories give every author a unique name). Its own text,
 * without its replies, is `ownContent(comment)`.
 */
export function commentBy(scope: Page | Locator, authorName: string) {
  return scope.getByRole("listitem", { name: authorName, exact: true });
}

/** A comment's own article (header, text, controls), without the replies under it. */
export function ownContent(comment: Locator) {
  return comment.getByRole("article").first();
}

/** The thread's top-level comments, in order (the first list of the comments region). */
export function topLevelComments(page: Page) {
  return page
    .getByRole("region", { name: /^\d+ comments?:$/ })
    .getByRole("list")
    .first()
    .locator(":scope > li");
}

/** The replies directly under a comment, in order. */
export function repliesOf(comment: Locator) {
  return comment.getByRole("list", { name: "Replies" }).first().locator(":scope > li");
}

/**
 * After a test wrote to the database directly (not through the app, which expires what
 * it changes) into a page already served: expire every cached page, as
 * `npm run cache:expire` does for operators.
 */
export async function expireReaderCache(request: APIRequestContext) {
  // The secret scripts/e2e-server.mjs gives the server.
  const secret = process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789abcdef";
  const response = await request.post("/api/cache/expire", {
    headers: { authorization: `Bearer ${cacheExpireToken(secret)}` },
  });
  expect(response.status()).toBe(200);
}

/** Someone who has no account yet, for the tests about signing up. */
export function newPerson(prefix = "reader") {
  const id = randomUUID().slice(0, 8);
  return {
    name: `${prefix} ${id}`,
    email: `${prefix}-${id}@example.test`,
    password: `a long passphrase ${id}`,
  };
}

/** Signs up through the form, then signs in: for the tests about that flow (others use `login`). */
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
  // The answer is the same whether the email was new (decision 024): sign in to finish.
  await expect(page.getByRole("status")).toContainText("If this email address was new here");
  await expect(page.getByLabel("Email")).toHaveValue(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectSignedIn(page, person, returnTo, javaScript);
}

/** Signs in through the form: for the tests about that flow (others use `login`). */
export async function signIn(
  page: Page,
  person: { name: string; email: string; password: string },
  returnTo = "/",
  { javaScript = true } = {},
) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectSignedIn(page, person, returnTo, javaScript);
}

async function expectSignedIn(page: Page, person: { name: string }, returnTo: string, javaScript: boolean) {
  if (javaScript) {
    await expect(page.getByText(`Signed in as ${person.name}`)).toBeVisible();
  } else {
    // Cached pages are the same for everyone: only the browser can say who is signed in.
    await expect(page).toHaveURL(returnTo);
    expect((await page.context().cookies()).map((cookie) => cookie.name)).toContain("authjs.session-token");
  }
}
