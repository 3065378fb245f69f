import type { Page } from "@playwright/test";
import { commentBy, expect, seriousA11yViolations, signInThroughApi, test } from "./fixtures";

/** The accessible names of the controls Tab reaches inside `main`, in order, until it leaves. */
async function tabOrderInMain(page: Page, limit = 40): Promise<string[]> {
  await page.getByRole("main").getByRole("heading", { level: 1 }).click();
  const names: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || !element.closest("main")) return null;
      const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : null;
      const wrapping = element.closest("label")?.textContent;
      return (label ?? wrapping ?? element.textContent ?? "").trim();
    });
    if (focused === null) {
      if (names.length > 0) break;
      continue;
    }
    names.push(focused);
  }
  return names;
}

test.describe("who is talking", () => {
  test("a comment shows an avatar and badges, and its author's name opens their profile, which leads back to the comment", async ({
    page,
    db,
    createUser,
    createPost,
  }) => {
    const reader = await createUser();
    const writer = await createUser({ role: "admin", name: "Post Writer" });
    const post = await createPost({
      comments: [
        { body: "A reader's thoughts on this.", author: reader },
        { body: "Thanks for reading.", author: writer },
        { body: "An old imported comment." },
      ],
    });
    await db.post.update({ where: { id: post.id }, data: { authorId: writer.id } });
    await page.goto(post.path);

    const mine = commentBy(page, reader.name);
    const initials = mine.locator("[data-avatar=initials]").first();
    await expect(initials).toHaveText("C" + reader.name.split(" ")[1][0].toUpperCase());
    await expect(initials).toHaveAttribute("aria-hidden", "true");
    // The post's author is marked as such, next to their staff badge; nobody else is.
    await expect(commentBy(page, writer.name).getByText("Author", { exact: true })).toBeVisible();
    await expect(commentBy(page, writer.name).getByText("Admin", { exact: true })).toBeVisible();
    await expect(mine.getByText("Author", { exact: true })).toHaveCount(0);
    // A guest has no account: a neutral avatar and no profile link.
    const guest = commentBy(page, post.comments[2].authorName);
    await expect(guest.locator("[data-avatar=neutral]")).toHaveCount(1);
    await expect(guest.getByRole("link", { name: post.comments[2].authorName })).toHaveCount(0);
    // No request leaves for a third party by default.
    expect(await page.locator("img[src*='gravatar']").count()).toBe(0);

    await mine.getByRole("link", { name: reader.name }).click();
    await expect(page).toHaveURL(`/u/${reader.id}`);
    await expect(page.getByRole("heading", { level: 1, name: reader.name })).toBeVisible();
    await expect(page.getByText(/^Joined /)).toBeVisible();
    await expect(page.getByText("A reader's thoughts on this.")).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole("link", { name: /open this comment in its thread/ }).click();
    await expect(page).toHaveURL(new RegExp(`${post.path}.*#${post.comments[0].anchor}$`));
    await expect(commentBy(page, reader.name)).toBeVisible();

    // Unknown people have no page.
    const missing = await page.goto("/u/nosuchpersonatall00000");
    expect(missing?.status()).toBe(404);
  });

  test("renaming on the account page shows the new name on the post; the page is usable by keyboard", async ({
    page,
    login,
    createPost,
  }) => {
    const user = await login();
    const post = await createPost({ comments: [{ body: "Signed with my old name.", author: user }] });
    await page.goto(post.path);
    await expect(commentBy(page, user.name)).toBeVisible();

    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const order = await tabOrderInMain(page);
    const expected = [
      "Your public profile",
      "Name",
      "Change name",
      "Current password",
      "New password",
      "Change password",
      "Download your data",
      "Keep their text",
      "Your password",
      "Delete my account",
    ];
    let at = -1;
    for (const name of expected) {
      const found = order.findIndex((entry, index) => index > at && entry.startsWith(name));
      expect(found, `${name} in ${JSON.stringify(order)}`).toBeGreaterThan(at);
      at = found;
    }

    const newName = `Renamed ${Date.now()}`;
    await page.getByLabel("Name", { exact: true }).fill(newName);
    await page.getByRole("button", { name: "Change name" }).click();
    await expect(page.getByRole("status")).toContainText("Your name is changed");
    // A reserved name is refused, next to the field.
    await page.getByLabel("Name", { exact: true }).fill("The Admin");
    await page.getByRole("button", { name: "Change name" }).click();
    await expect(page.getByText(/This name is reserved/)).toBeVisible();

    await page.goto(post.path);
    await expect(commentBy(page, newName)).toContainText("Signed with my old name.");
    await expect(commentBy(page, user.name)).toHaveCount(0);
    await expect(page.getByText(`Signed in as ${newName}`)).toBeVisible();
  });

  test("changing the password keeps this browser signed in and signs out the others", async ({
    page,
    browser,
    login,
  }) => {
    const user = await login();
    const other = await browser.newContext();
    await signInThroughApi(other.request, user);
    const otherPage = await other.newPage();
    await otherPage.goto("/account");
    await expect(otherPage.getByRole("heading", { name: "Your account", exact: true })).toBeVisible();

    await page.goto("/account");
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password").fill(`${user.password} and more words`);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toContainText("Your password is changed");
    await expect(page).toHaveURL("/account?notice=password-changed");

    await otherPage.goto("/account");
    await expect(otherPage).toHaveURL(/\/signin\?/);
    await other.close();
  });

  test("deleting the account (removing the texts) signs out and leaves the thread and its replies in place", async ({
    page,
    login,
    createUser,
    createPost,
  }) => {
    const user = await login();
    const friend = await createUser({ name: "Friend" });
    const post = await createPost({
      comments: [
        {
          body: "My words, soon gone.",
          author: user,
          replies: [{ body: "A reply that stays.", author: friend }],
        },
      ],
    });
    await page.goto("/account");
    await page.getByLabel(/Remove their text/).check();
    await page.getByLabel("Your password").fill("not my password, sorry");
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByText("That is not your current password.")).toBeVisible();
    await page.getByLabel("Your password").fill(user.password);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();

    await page.goto(post.path);
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await expect(page.getByText("My words, soon gone.")).toHaveCount(0);
    await expect(page.getByText("This comment has been removed by the author.")).toBeVisible();
    await expect(commentBy(page, friend.name)).toContainText("A reply that stays.");
    await expect(page.getByText(user.name)).toHaveCount(0);
    const profile = await page.goto(`/u/${user.id}`);
    expect(profile?.status()).toBe(404);
  });
});
