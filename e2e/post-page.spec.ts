import { DEMO_POST_PATH, expect, test } from "./fixtures";

/** "N SHARES" above the share buttons. */
const SHARE_COUNT = /^\d+ SHARES?$/;

test.describe("the post page", () => {
  test("a share button counts a share once per reader per day", async ({ page, context, createPost }) => {
    const post = await createPost({ title: "A post to share" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(post.path);
    const shares = page.getByText(SHARE_COUNT);
    await expect(shares).toHaveText("0 SHARES");

    const buttons = page.getByRole("list", { name: "Share this post" });
    await buttons.getByRole("button", { name: "Copy link" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Link copied." })).toBeVisible();
    await expect(shares).toHaveText("1 SHARE");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`${post.path}$`));

    // Counted on the server, and only once per reader per day.
    const second = page.waitForResponse((r) => r.url().endsWith(`/api/posts/${post.id}/shares`));
    await buttons.getByRole("button", { name: "Copy link" }).click();
    expect(await (await second).json()).toEqual({ shareCount: 1, counted: false });
    await page.reload();
    await expect(shares).toHaveText("1 SHARE");
  });

  test("share links are plain, encoded links to the networks", async ({ page, createPost }) => {
    const post = await createPost({ title: "Tom & Jerry? #1" });
    await page.goto(post.path);
    const buttons = page.getByRole("list", { name: "Share this post" });
    const url = encodeURIComponent(new URL(post.path, page.url()).href);
    await expect(buttons.getByRole("link", { name: /Share on Facebook/ })).toHaveAttribute(
      "href",
      `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    );
    await expect(buttons.getByRole("link", { name: /Share on X/ })).toHaveAttribute(
      "href",
      `https://x.com/intent/post?text=Tom%20%26%20Jerry%3F%20%231&url=${url}`,
    );
    await expect(buttons.getByRole("link", { name: /WhatsApp/ })).toHaveAttribute(
      "href",
      /^https:\/\/wa\.me\/\?text=Tom%20%26/,
    );
    await expect(buttons.getByRole("link", { name: "Email" })).toHaveAttribute(
      "href",
      `mailto:?subject=Tom%20%26%20Jerry%3F%20%231&body=${url}`,
    );
  });

  test("follows the system's dark mode", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto(DEMO_POST_PATH);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgb(21, 20, 18)",
    );
    await page.emulateMedia({ colorScheme: "light" });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      "rgb(253, 252, 250)",
    );
  });

  test("prints the article without navigation, sidebar or share buttons", async ({ page }) => {
    await page.goto(DEMO_POST_PATH);
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "10 comments:" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Pages" })).toBeHidden();
    await expect(page.getByRole("complementary", { name: "Blog sidebar" })).toBeHidden();
    await expect(page.getByText(SHARE_COUNT)).toBeHidden();
  });
});
