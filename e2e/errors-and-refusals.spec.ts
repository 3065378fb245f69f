import { readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { request as playwrightRequest, type Page } from "@playwright/test";
import { e2eDatabaseUrl, e2eServerLogFile } from "../scripts/lib/e2e-database.mjs";
import { commentBy, expect, ownContent, test, type TestUser } from "./fixtures";

// The servers' JSON logs: scripts/e2e-server.mjs copies each instance's standard output
// to a file. Both instances serve the suite (e2e/instances.spec.ts), so both are read.
const PORT = Number(process.env.E2E_PORT ?? 3210);
type Entry = Record<string, unknown> & { msg: string; requestId?: string };
const logText = () =>
  [PORT, PORT + 1].map((port) => readFileSync(e2eServerLogFile(port), "utf8").replace(/\r/g, "")).join("\n");
const logEntries = (): Entry[] =>
  logText()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));
/** The entries of one request, by the id the server answered it with; they may trail the answer a little. */
async function entriesOf(requestId: string, msg: string): Promise<Entry[]> {
  let found: Entry[] = [];
  await expect
    .poll(() => (found = logEntries().filter((entry) => entry.requestId === requestId && entry.msg === msg)))
    .not.toEqual([]);
  return found;
}

// Everything secret this file's run handles; none may reach a log (tested last).
const secrets = new Set<string>();
const keepSecret = (user: TestUser) => {
  secrets.add(user.password);
  secrets.add(user.email);
};
async function keepCookies(page: Page) {
  for (const cookie of await page.context().cookies())
    if (cookie.value.length >= 16) secrets.add(cookie.value);
}

test.describe("refusals and errors", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a commenter submitting the admin's post form is refused with a message, not a 500, and it is logged", async ({
    page,
    login,
    db,
  }) => {
    const admin = await login({ role: "admin" });
    keepSecret(admin);
    await page.goto("/admin/posts/new");
    const title = `Not theirs to publish ${randomUUID().slice(0, 6)}`;
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Text", { exact: true }).fill("Words.");
    // The session changes under the open form: the browser now carries a commenter's cookie.
    await keepCookies(page);
    await page.context().clearCookies();
    const commenter = await login();
    keepSecret(commenter);
    await keepCookies(page);
    // The readable "signed in" hint the sign-in form sets (lib/auth/session-hint.ts); without
    // it the action would set it, and a cookie set by an action makes Next refetch the page.
    await page.context().addCookies([{ name: "cp_signed_in", value: "1", url: `http://127.0.0.1:${PORT}` }]);

    // The browser's own action call, passed through unchanged; its answer is kept to read.
    let answer: { status: number; headers: Record<string, string>; body: string } | null = null;
    await page.route("**/admin/posts/new", async (route) => {
      if (route.request().method() !== "POST" || !route.request().headers()["next-action"])
        return route.continue();
      const response = await route.fetch();
      answer = { status: response.status(), headers: response.headers(), body: await response.text() };
      await route.fulfill({ response });
    });
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => answer).not.toBeNull();
    const response = answer!;
    expect(response.status).toBe(200);
    // The action's answer is the refusal, and the open form shows it (not an error page).
    expect(response.body).toContain('"formError":"Your account is not allowed to do that.');
    await expect(page.getByText("Your account is not allowed to do that.")).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    // Reloaded, the admin area stays hidden from the commenter: its 404.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect(await db.post.count({ where: { title } })).toBe(0);

    const requestId = response.headers["x-request-id"];
    expect(requestId).toMatch(/^[\w-]{22}$/);
    // The line was written inside Next's action handler: the request id got there.
    const [refusal] = await entriesOf(requestId, "authz.refused");
    expect(refusal).toMatchObject({
      event: "authz.refused",
      refusal: "forbidden",
      permission: "write:post",
      userId: commenter.id,
      ipHash: expect.stringMatching(/^[\w-]{16}$/),
    });
  });

  test("the same form posted without JavaScript, by a commenter and by a stranger, is refused too", async ({
    page,
    login,
  }) => {
    keepSecret(await login({ role: "admin" }));
    await page.goto("/admin/pages/new");
    await page.getByLabel("Title").fill("A page of nobody's");
    // Exactly what the browser would send without JavaScript: the form, React's hidden
    // action fields included, as multipart, without Next's action header.
    const fields = await page
      .locator("form", { has: page.getByLabel("Title") })
      .evaluate((form) =>
        [...new FormData(form as HTMLFormElement)].filter(
          (entry): entry is [string, string] => typeof entry[1] === "string",
        ),
      );
    const multipart = Object.fromEntries(fields);

    await page.context().clearCookies();
    const commenter = await login();
    keepSecret(commenter);
    const asCommenter = await page.request.post("/admin/pages/new", { multipart, maxRedirects: 0 });
    const stranger = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${PORT}` });
    const asStranger = await stranger.post("/admin/pages/new", { multipart, maxRedirects: 0 });
    await stranger.dispose();

    // The admin area stays hidden (a 404, or sign in first) and nothing failed.
    expect(asCommenter.status()).toBe(404);
    expect([303, 307, 404]).toContain(asStranger.status());
    const [byCommenter] = await entriesOf(asCommenter.headers()["x-request-id"], "authz.refused");
    expect(byCommenter).toMatchObject({ refusal: "forbidden", userId: commenter.id });
    const [byStranger] = await entriesOf(asStranger.headers()["x-request-id"], "authz.refused");
    expect(byStranger).toMatchObject({ refusal: "signed-out", userId: null });
  });

  test("a page that fails shows an error id and nothing of the error; the log has the same id with the stack", async ({
    page,
    db,
    createPost,
    createComment,
    consoleErrors,
  }) => {
    // A real failure without a route made for it: a comment whose date the database
    // holds but JavaScript cannot (garbage text in SQLite, 'infinity' in PostgreSQL), as
    // a hand edit or a bad import could leave it. Rendering its date throws.
    const post = await createPost();
    const comment = await createComment({ postId: post.id, body: "A comment with a broken date" });
    const broken = e2eDatabaseUrl().startsWith("file:") ? "not a date" : "infinity";
    await db.$executeRaw`UPDATE "Comment" SET "createdAt" = ${broken} WHERE "id" = ${comment.id}`;
    try {
      const response = await page.goto(post.path);
      expect(response?.status()).toBe(500);
      await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
      const shown = (await page.getByText(/^Error id:/).textContent())?.replace("Error id:", "").trim();
      expect(shown).toMatch(/^\d+$/);
      const text = await page.locator("body").innerText();
      for (const internal of ["Invalid time value", "RangeError", ".next/server", "    at "])
        expect(text).not.toContain(internal);

      const [logged] = await entriesOf(response!.headers()["x-request-id"], "server.error");
      expect(logged).toMatchObject({ digest: shown, method: "GET", path: post.path, routeType: "render" });
      expect((logged.error as { stack: string }).stack).toMatch(/RangeError: Invalid time value\n\s+at /);
      // Logged once, not once per way Next reports it, and not again as console output.
      expect(logEntries().filter((entry) => entry.digest === shown)).toHaveLength(1);
      expect(
        logText()
          .split("\n")
          .filter((line) => line.includes("Invalid time value")),
      ).toHaveLength(1);
    } finally {
      await db.comment.delete({ where: { id: comment.id } });
    }
    // The browser reported the failed document and React the error it shows: expected here.
    consoleErrors.length = 0;
  });

  test("a wrong password and a forged session cookie leave no stack trace in the log", async ({
    page,
    createUser,
  }) => {
    const user = await createUser();
    keepSecret(user);
    const before = logText().length;
    await page.goto("/signin");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(`${user.password} but wrong`);
    secrets.add(`${user.password} but wrong`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    // A session cookie that does not verify (tampered, or from before a secret rotation).
    const tampered = await page.request.get("/admin/posts", {
      headers: { cookie: "authjs.session-token=not-a-session-at-all" },
      maxRedirects: 0,
    });
    expect(tampered.status()).toBeLessThan(500);
    const [refused] = await entriesOf(tampered.headers()["x-request-id"], "auth.request_refused");
    expect(refused).toMatchObject({ level: "warn", type: "JWTSessionError" });
    const written = logText().slice(before);
    expect(written).not.toContain("Auth.js error");
    expect(written).not.toContain('"stack"');
  });

  test("the author deletes a comment; its text never reaches the log", async ({
    page,
    login,
    createPost,
  }) => {
    const me = await login();
    keepSecret(me);
    await keepCookies(page);
    const words = `Words to be removed ${randomUUID()}`;
    secrets.add(words);
    const post = await createPost({ comments: [{ body: words, author: me }] });
    await page.goto(post.path);
    await ownContent(commentBy(page, me.name)).getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete this comment?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(page.getByText(words)).toHaveCount(0);
  });

  test("the run's logs hold the events, one request id per line written in a request, and none of the secrets", () => {
    const entries = logEntries();
    const events = new Set(entries.map((entry) => entry.event ?? entry.msg));
    for (const event of ["authz.refused", "server.error"]) expect(events).toContain(event);
    for (const entry of entries.filter((entry) => entry.event))
      expect(entry.requestId, JSON.stringify(entry)).toEqual(expect.any(String));

    const text = logText();
    expect(secrets.size).toBeGreaterThan(8);
    for (const secret of secrets) expect(text, "a secret in the log").not.toContain(secret);
    // The e2e server's own secret, and addresses in clear in any security event.
    expect(text).not.toContain("e2e-only-secret-not-for-production");
    for (const entry of entries.filter((entry) => entry.event))
      expect(JSON.stringify(entry)).not.toMatch(/127\.0\.0\.1|"ip":/);
  });
});
