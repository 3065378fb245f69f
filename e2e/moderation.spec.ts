import {
  cloneDemoPost,
  expect,
  MODERATOR,
  newPerson,
  repliesOf,
  seriousA11yViolations,
  signIn,
  signUp,
  test,
  topLevelComments,
} from "./fixtures";

const ADMIN_WORDING = "This comment has been removed by a blog administrator.";
const AUTHOR_WORDING = "This comment has been removed by the author.";

test.describe("moderation", () => {
  test("a moderator deletes and restores comments; deleted text never reaches readers", async ({
    page,
    request,
  }) => {
    const postPath = cloneDemoPost();
    await signIn(page, MODERATOR, postPath);
    await page.goto(postPath);

    // Comment 6 has two replies: it becomes a tombstone and they stay.
    const sixth = topLevelComments(page).nth(5);
    await sixth.getByRole("button", { name: "Delete" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Delete this comment?" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Reason (optional)").fill("Flamebait");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("heading", { name: "9 comments:" })).toBeVisible();
    await expect(sixth.locator(":scope > article")).toContainText(ADMIN_WORDING);
    await expect(repliesOf(sixth)).toHaveCount(2);
    await expect(repliesOf(sixth).first()).toContainText("Never ever know 声东击西!");

    // Comment 2 has no replies: it vanishes.
    const second = topLevelComments(page).nth(1);
    const secondId = await second.getAttribute("id");
    await second.getByRole("button", { name: "Delete" }).first().click();
    await page
      .getByRole("dialog", { name: "Delete this comment?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(page.getByRole("heading", { name: "8 comments:" })).toBeVisible();
    await expect(page.locator(`#${secondId}`)).toHaveCount(0);
    await expect(topLevelComments(page)).toHaveCount(6);

    // Neither text is in what a reader receives.
    const html = await (await request.get(postPath)).text();
    expect(html).not.toContain("Your beloved Putin");
    expect(html).not.toContain("Zelensky is no idiot");
    expect(html).toContain(ADMIN_WORDING);

    // The moderation view shows the deleted text and restores it.
    await page.goto("/moderation?filter=deleted");
    expect(await seriousA11yViolations(page)).toEqual([]);
    const item = page.getByRole("listitem", { name: new RegExp(`Comment ${secondId!.slice(1)} by`) });
    await expect(item).toContainText("Zelensky is no idiot and no monster.");
    await item.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByRole("status")).toHaveText("The comment was restored.");
    await expect(page.getByRole("table")).toContainText("restored comment");
    await expect(page.getByRole("table")).toContainText("Flamebait");

    await page.goto(postPath);
    await expect(page.getByRole("heading", { name: "9 comments:" })).toBeVisible();
    await expect(page.locator(`#${secondId}`)).toContainText("Zelensky is no idiot and no monster.");
  });

  test("a commenter deletes their own comment (author wording) and cannot delete others'", async ({
    page,
  }) => {
    const postPath = cloneDemoPost();
    await signUp(page, newPerson("author"), postPath);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

    const bottom = page.locator("form", { has: page.getByRole("button", { name: "Publish" }) }).last();
    await bottom.getByLabel("Comment", { exact: true }).fill("My own words, to be removed.");
    await bottom.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("heading", { name: "11 comments:" })).toBeVisible();
    // The heading counts a pending comment at once; wait for the server's version of it.
    const mine = topLevelComments(page).last();
    await expect(mine).toContainText("My own words, to be removed.");
    await mine.getByRole("button", { name: "Reply" }).first().click();
    await mine.locator("form").getByLabel("Comment", { exact: true }).fill("A reply that keeps the thread.");
    await mine.locator("form").getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("heading", { name: "12 comments:" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(2);

    await mine.locator(":scope > article").getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete this comment?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(page.getByRole("heading", { name: "11 comments:" })).toBeVisible();
    await expect(mine.locator(":scope > article")).toContainText(AUTHOR_WORDING);
    await expect(repliesOf(mine).first()).toContainText("A reply that keeps the thread.");
    await expect(mine.locator(":scope > article").getByRole("button", { name: "Reply" })).toHaveCount(0);
  });

  test("the moderation view is for moderators only", async ({ page }) => {
    const response = await page.goto("/moderation");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmoderation/);
    expect(response?.ok()).toBe(true);
    await signUp(page, newPerson(), "/");
    expect((await page.goto("/moderation"))?.status()).toBe(404);
    await expect(page.getByRole("link", { name: "Moderation" })).toHaveCount(0);
  });
});

test.describe("moderation without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("deleting goes through the comment's own page and a confirmation page", async ({ page }) => {
    const postPath = cloneDemoPost();
    await signIn(page, MODERATOR, postPath, { javaScript: false });
    await page.goto(postPath);
    // The cached post page is the same for everyone; the comment's own page offers Delete.
    const seventh = topLevelComments(page).nth(6);
    await seventh.getByRole("link", { name: "Reply" }).click();
    await page.getByRole("link", { name: "Delete this comment" }).click();
    await expect(page.getByRole("heading", { name: "Delete this comment?" })).toBeVisible();
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(new RegExp(`${postPath}#c\\d+$`));
    await expect(page.getByRole("heading", { name: "9 comments:" })).toBeVisible();
    await expect(topLevelComments(page)).toHaveCount(6);
  });
});
