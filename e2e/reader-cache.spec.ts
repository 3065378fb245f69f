import { DEMO_POST_PATH, expect, test, topLevelComments } from "./fixtures";

// docs/decisions/010: reader pages are cached, the same bytes for everyone, with a
// hash-based script policy, and they still hydrate.
test.describe("cached reader pages", () => {
  test("anonymous readers get the same cached bytes, with a hash policy and no nonce", async ({
    request,
  }) => {
    await request.get(DEMO_POST_PATH); // whatever came before, the page is now cached
    const [first, second] = [await request.get(DEMO_POST_PATH), await request.get(DEMO_POST_PATH)];
    // Answered by the server's page cache (server.mjs), before Next's router runs.
    expect(second.headers()["x-page-cache"]).toBe("HIT");
    expect(await second.text()).toBe(await first.text());
    const policy = second.headers()["content-security-policy"];
    expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(policy).not.toContain("nonce-");
    const scriptSrc = policy.split(";").find((directive) => directive.trim().startsWith("script-src"));
    expect(scriptSrc).not.toContain("unsafe-inline");
  });

  test("a cached page hydrates under its policy and learns its counts from the server", async ({ page }) => {
    const counted = page.waitForResponse(
      (response) => response.url().includes("/views") && response.request().method() === "POST",
    );
    await page.goto(DEMO_POST_PATH);
    // The view is counted from the browser, after hydration (a blocked script would stop it
    // and log a policy violation, which the consoleErrors fixture fails on).
    expect((await counted).ok()).toBe(true);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Link copied|Could not copy/ })).toBeVisible();
  });

  test("a moderator's visit leaves nothing of them in what anonymous readers get", async ({
    page,
    request,
    login,
  }) => {
    const moderator = await login({ role: "moderator" });
    await page.goto(DEMO_POST_PATH);
    await expect(page.getByText(`Signed in as ${moderator.name}`)).toBeVisible();
    await expect(
      topLevelComments(page).first().getByRole("button", { name: "Delete" }).first(),
    ).toBeVisible();
    const html = await (await request.get(DEMO_POST_PATH)).text();
    for (const personal of [moderator.name, moderator.email, "Signed in as", ">Delete<", "Moderation"])
      expect(html).not.toContain(personal);
  });
});

test.describe("long threads", () => {
  test("come in pages: Load more appends the next one, a permalink finds its page", async ({
    page,
    request,
    createPost,
    createGuestComments,
  }) => {
    const post = await createPost({ title: "A long thread" });
    // A page holds 50 comments (COMMENTS_PER_PAGE).
    const ids = await createGuestComments(post.id, 70);
    await page.goto(post.path);
    await expect(page.getByRole("heading", { name: "70 comments:" })).toBeVisible();
    await expect(topLevelComments(page)).toHaveCount(50);
    await expect(page.locator(`#c${ids[50]}`)).toHaveCount(0);

    await page.getByRole("button", { name: "Load more comments" }).click();
    await expect(page.locator(`#c${ids[69]}`)).toContainText("Long thread comment number 70.");
    await expect(page.locator(`#c${ids[50]}`)).toBeFocused();
    await expect(page.getByRole("button", { name: "Load more comments" })).toHaveCount(0);

    // A comment's permanent address leads to the page that shows it.
    const located = await request.get(`/comments/${ids[65]}`, { maxRedirects: 0 });
    expect(located.status()).toBe(302);
    await page.goto(located.headers().location);
    await expect(page.locator(`#c${ids[65]}`)).toBeInViewport();
    await expect(page.locator(`#c${ids[0]}`)).toHaveCount(0);
  });
});

test.describe("long threads without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Load more is a link to the next page", async ({ page, createPost, createGuestComments }) => {
    const post = await createPost({ title: "A long thread, no script" });
    const ids = await createGuestComments(post.id, 55);
    await page.goto(post.path);
    await page.getByRole("link", { name: "Load more comments" }).click();
    await expect(page).toHaveURL(new RegExp(`${post.path}/comments/\\d+`));
    await expect(page.locator(`#c${ids[54]}`)).toContainText("Long thread comment number 55.");
    await expect(page.locator(`#c${ids[0]}`)).toHaveCount(0);
  });
});
