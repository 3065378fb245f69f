import {
  DEMO_POST_PATH,
  DEMO_POST_TITLE,
  expect,
  ownContent,
  repliesOf,
  seriousA11yViolations,
  test,
  topLevelComments,
} from "./fixtures";

test.describe("reading the seeded blog", () => {
  test("home lists the post under its date header", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Wednesday, June 19, 2024" })).toBeVisible();
    const link = page.getByRole("link", { name: DEMO_POST_TITLE, exact: true });
    await expect(link).toHaveAttribute("href", DEMO_POST_PATH);
    await expect(
      page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "About" }),
    ).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(DEMO_POST_PATH);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_POST_TITLE);
  });

  test("the post page shows the article and its whole thread", async ({ page }) => {
    await page.goto(DEMO_POST_PATH);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_POST_TITLE);
    await expect(page.getByText("Wednesday, June 19, 2024")).toBeVisible();
    await expect(page.getByText("2 SHARES")).toBeVisible();
    await expect(page.getByText(/Total Views: \d+/)).toBeVisible();
    await expect(page.getByText("By AFP")).toBeVisible();
    await expect(page.getByText("Free Malaysia Today")).toBeVisible();
    await expect(page.locator("figure figcaption")).toContainText("(AP pic)");
    await expect(page.getByText(/^SEOUL: Russian president Vladimir Putin signed today/)).toBeVisible();

    await expect(page.getByRole("heading", { name: "10 comments:" })).toBeVisible();
    const top = topLevelComments(page);
    await expect(top).toHaveCount(7);
    await expect(top.nth(0)).toContainText("This comment has no text.");
    await expect(top.nth(1)).toContainText("Zelensky is no idiot and no monster.");
    await expect(top.nth(2)).toContainText("The JACOB Accords");
    await expect(top.nth(3)).toContainText("Will the real Kim JU stands up?");
    await expect(top.nth(4)).toContainText("BONUS ITEMS");
    await expect(top.nth(5)).toContainText("Your beloved Putin's offensive against Kharkiv");
    await expect(top.nth(6)).toContainText("How come no major western media");

    const replies = (n: number) => repliesOf(top.nth(n));
    await expect(top.nth(0).getByRole("heading", { name: "Replies" })).toBeVisible();
    await expect(replies(0)).toHaveCount(1);
    await expect(replies(0).first()).toContainText("wakakaka, apt description");
    await expect(replies(5)).toHaveCount(2);
    await expect(replies(5).nth(0)).toContainText("Never ever know 声东击西!");
    await expect(replies(5).nth(1)).toContainText("Russian forces surrender En Masse");
    for (const n of [1, 2, 3, 4, 6]) await expect(replies(n)).toHaveCount(0);

    const link = top
      .nth(2)
      .getByRole("link", { name: "https://x.com/GhostofBPH/status/1803151140684493269" });
    await expect(link).toHaveAttribute("href", "https://x.com/GhostofBPH/status/1803151140684493269");
    await expect(link).toHaveAttribute("rel", /nofollow/);
    await expect(link).toHaveAttribute("rel", /ugc/);
    await expect(link).toHaveAttribute("rel", /noopener/);
    // Paragraphs are kept: comment 3 has ten of them.
    await expect(ownContent(top.nth(2)).getByRole("paragraph")).toHaveCount(10);
    await expect(ownContent(top.nth(0)).locator("time")).toHaveAttribute("datetime", /^2024-06-19T/);
  });

  test("a #c<id> permalink and Blogger's showComment form land on the comment", async ({ page }) => {
    await page.goto(DEMO_POST_PATH);
    const target = topLevelComments(page).nth(6);
    const id = await target.getAttribute("id");
    expect(id).toMatch(/^c\d+$/);
    await page.goto(`${DEMO_POST_PATH}?showComment=1718850000000#${id}`);
    await expect(page.locator(`#${id}`)).toBeInViewport();
    await expect(page.locator(`#${id}`)).toContainText("How come no major western media");
  });

  test("Blogger's .html permalink redirects permanently to the post", async ({ page, request }) => {
    const response = await request.get(`${DEMO_POST_PATH}.html`, { maxRedirects: 0 });
    expect(response.status()).toBe(301);
    expect(response.headers().location).toMatch(new RegExp(`${DEMO_POST_PATH}$`));
    await page.goto(`${DEMO_POST_PATH}.html`);
    await expect(page).toHaveURL(DEMO_POST_PATH);
  });

  test("a view counts once per visitor per day: a reload does not, another reader does", async ({
    page,
    browser,
    createPost,
  }) => {
    // A post of its own: other tests (and reruns) must not move its counter.
    const post = await createPost();
    const counted = page.waitForResponse((r) => r.url().endsWith(`/api/posts/${post.id}/views`));
    await page.goto(post.path);
    await counted;
    const counter = page.getByText(/^Total Views: /);
    await expect(counter).toHaveText("Total Views: 1");

    const recounted = page.waitForResponse((r) => r.url().endsWith(`/api/posts/${post.id}/views`));
    await page.reload();
    expect(await (await recounted).json()).toEqual({ viewCount: 1, shareCount: 0, counted: false });
    await expect(counter).toHaveText("Total Views: 1");

    // Another reader: same address (127.0.0.1) but another browser.
    const other = await browser.newContext({
      userAgent:
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Firefox-ish/1.0 Safari/537.36",
    });
    const otherPage = await other.newPage();
    await otherPage.goto(post.path);
    await expect(otherPage.getByText(/^Total Views: /)).toHaveText("Total Views: 2");
    await other.close();

    await page.reload();
    await expect(counter).toHaveText("Total Views: 2");
  });

  test("unknown posts and pages get a 404 page", async ({ page }) => {
    for (const path of [
      "/2024/06/no-such-post",
      "/2024/07/n-korea-russia-sign-mutual-defence-deal",
      "/p/nope",
      "/no/such/thing/here",
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("home, post, About, sign-in and sign-up have no serious accessibility violations", async ({
    page,
  }) => {
    for (const path of ["/", DEMO_POST_PATH, "/p/about", "/signin", "/signup"]) {
      await page.goto(path);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
  });
});
