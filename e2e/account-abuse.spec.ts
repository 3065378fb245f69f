import { expect, test, newPerson } from "./fixtures";

/**
 * Accounts under attack (issue 11, decision 024), against the real servers (server.mjs,
 * which decides the client address; no proxy is declared in the e2e servers, so every
 * request here comes from 127.0.0.1 whatever it claims).
 */

/** One credentials sign-in through Auth.js's endpoint; returns the `code` of a refusal, or "ok". */
async function postSignIn(
  request: import("@playwright/test").APIRequestContext,
  email: string,
  password: string,
  spoofed: string,
) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/" },
    headers: {
      "x-forwarded-for": spoofed,
      "x-real-ip": spoofed,
      // The app's own header: server.mjs overwrites it with the socket's address.
      "x-commonplace-client-ip": spoofed,
    },
    maxRedirects: 0,
  });
  const location = new URL(response.headers()["location"] ?? "/", "http://x");
  return location.searchParams.get("code") ?? (location.searchParams.get("error") ? "error" : "ok");
}

test.describe("sign-in throttling", () => {
  test("a forged X-Forwarded-For does not escape the per-address throttle", async ({ page, createUser }) => {
    const target = await createUser();
    // Five wrong passwords, each claiming another address (the bypass).
    for (let i = 1; i <= 5; i++)
      expect(await postSignIn(page.request, target.email, `wrong guess number ${i}`, `203.0.113.${i}`)).toBe(
        "credentials",
      );
    // A sixth "address": still 127.0.0.1 to the server, so this account is throttled here,
    // even with the right password.
    expect(await postSignIn(page.request, target.email, target.password, "198.51.100.77")).toMatch(
      /^throttled-\d+$/,
    );

    // The form says how long to wait.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "192.0.2.99" });
    await page.goto("/signin");
    await page.getByLabel("Email").fill(target.email);
    await page.getByLabel("Password").fill(target.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/^Too many sign-in attempts/)).toContainText(
      /Too many sign-in attempts\. Please wait \d+ minutes?/,
    );
  });
});

test.describe("sign-up", () => {
  test("a registered email gets the same answer as a new one, and no second account", async ({
    page,
    createUser,
  }) => {
    const existing = await createUser();
    const answers: string[] = [];
    for (const email of [existing.email, newPerson("fresh").email]) {
      await page.goto("/signup");
      await page.getByLabel("Name").fill(newPerson("probe").name);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("an unrelated long passphrase");
      await page.getByRole("button", { name: "Create account" }).click();
      answers.push(await page.getByRole("status").innerText());
    }
    expect(answers[0]).toContain("If this email address was new here");
    expect(answers[1]).toBe(answers[0]);
    // The registered account kept its own password: the probe's does not sign in to it.
    await page.goto("/signin");
    await page.getByLabel("Email").fill(existing.email);
    await page.getByLabel("Password").fill("an unrelated long passphrase");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  });

  test("a staff look-alike name is refused with a message on the name", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Dеmо Моdеrаtоr"); // Cyrillic е, о, М, а
    await page.getByLabel("Email").fill(newPerson("lookalike").email);
    await page.getByLabel("Password").fill("an unrelated long passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/reserved, or looks like/);
  });
});

test("staff comments carry a role badge in the thread; readers' do not", async ({
  page,
  createUser,
  createPost,
}) => {
  const moderator = await createUser({ role: "moderator", name: "Keeper" });
  const reader = await createUser({ name: "Reader" });
  const post = await createPost({
    comments: [
      { body: "Please keep it civil.", author: moderator },
      { body: "Agreed.", author: reader },
    ],
  });
  await page.goto(post.path);
  const staffComment = page.getByRole("listitem", { name: moderator.name, exact: true });
  await expect(
    staffComment.getByRole("article").first().getByText("Moderator", { exact: true }),
  ).toBeVisible();
  const readerComment = page.getByRole("listitem", { name: reader.name, exact: true });
  await expect(
    readerComment
      .getByRole("article")
      .first()
      .getByText(/^(Moderator|Admin)$/i),
  ).toHaveCount(0);
});
