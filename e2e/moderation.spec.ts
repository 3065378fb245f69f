import { commentBy, expect, ownContent, repliesOf, seriousA11yViolations, test } from "./fixtures";

const ADMIN_WORDING = "This comment has been removed by a blog administrator.";
const AUTHOR_WORDING = "This comment has been removed by the author.";

test.describe("moderation", () => {
  test("a moderator deletes and restores comments; deleted text never reaches readers", async ({
    page,
    request,
    login,
    createPost,
  }) => {
    const post = await createPost({
      comments: [
        { body: "Nothing to see here." },
        {
          body: "Flamebait with replies.",
          replies: [{ body: "Calm down." }, { body: "Never ever know 声东击西!" }],
        },
        { body: "A lonely remark to remove." },
      ],
    });
    const [, flamebait, calm, , lonely] = post.comments;
    await login({ role: "moderator" });
    await page.goto(post.path);
    await expect(page.getByRole("heading", { name: "5 comments:" })).toBeVisible();

    // A comment with replies becomes a tombstone, and they stay.
    const parent = commentBy(page, flamebait.authorName);
    await ownContent(parent).getByRole("button", { name: "Delete" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this comment?" });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel("Reason (optional)").fill("Flamebait");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("heading", { name: "4 comments:" })).toBeVisible();
    await expect(ownContent(parent)).toContainText(ADMIN_WORDING);
    await expect(repliesOf(parent)).toHaveCount(2);
    await expect(commentBy(parent, calm.authorName)).toContainText("Calm down.");

    // One without replies vanishes.
    await ownContent(commentBy(page, lonely.authorName)).getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete this comment?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(page.getByRole("heading", { name: "3 comments:" })).toBeVisible();
    await expect(commentBy(page, lonely.authorName)).toHaveCount(0);

    // Neither text is in what a reader receives.
    const html = await (await request.get(post.path)).text();
    expect(html).not.toContain("Flamebait with replies.");
    expect(html).not.toContain("A lonely remark to remove.");
    expect(html).toContain(ADMIN_WORDING);

    // The moderation view shows the deleted text and restores it.
    await page.goto("/moderation?filter=deleted");
    expect(await seriousA11yViolations(page)).toEqual([]);
    const item = page.getByRole("listitem", { name: new RegExp(`Comment ${lonely.id} by`) });
    await expect(item).toContainText("A lonely remark to remove.");
    await item.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByRole("status")).toHaveText("The comment was restored.");
    await expect(page.getByRole("table")).toContainText("restored comment");
    await expect(page.getByRole("table")).toContainText("Flamebait");

    await page.goto(post.path);
    await expect(page.getByRole("heading", { name: "4 comments:" })).toBeVisible();
    await expect(commentBy(page, lonely.authorName)).toContainText("A lonely remark to remove.");
  });

  test("a commenter deletes their own comment (author wording) and cannot delete others'", async ({
    page,
    login,
    createPost,
  }) => {
    const post = await createPost({ comments: [{ body: "Someone else's words." }] });
    const me = await login();
    await page.goto(post.path);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);

    await page.getByLabel("Comment", { exact: true }).fill("My own words, to be removed.");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("heading", { name: "2 comments:" })).toBeVisible();
    // The heading counts a pending comment at once; wait for the server's version of it.
    const mine = commentBy(page, me.name);
    await expect(mine).toContainText("My own words, to be removed.");
    await ownContent(mine).getByRole("button", { name: "Reply" }).click();
    await mine.getByLabel("Comment", { exact: true }).fill("A reply that keeps the thread.");
    await mine.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("heading", { name: "3 comments:" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(2);

    await ownContent(mine).getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete this comment?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(page.getByRole("heading", { name: "2 comments:" })).toBeVisible();
    await expect(ownContent(mine)).toContainText(AUTHOR_WORDING);
    await expect(repliesOf(mine).first()).toContainText("A reply that keeps the thread.");
    await expect(ownContent(mine).getByRole("button", { name: "Reply" })).toHaveCount(0);
  });

  test("the moderation view is for moderators only", async ({ page, login }) => {
    const response = await page.goto("/moderation");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fmoderation/);
    expect(response?.ok()).toBe(true);
    await login({ role: "commenter" });
    expect((await page.goto("/moderation"))?.status()).toBe(404);
    await expect(page.getByRole("link", { name: "Moderation" })).toHaveCount(0);
  });
});

test.describe("moderation without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("deleting goes through the comment's own page and a confirmation page", async ({
    page,
    login,
    createPost,
  }) => {
    const post = await createPost({ comments: [{ body: "Stays." }, { body: "Goes." }] });
    await login({ role: "moderator" });
    await page.goto(post.path);
    // The cached post page is the same for everyone; the comment's own page offers Delete.
    await commentBy(page, post.comments[1].authorName).getByRole("link", { name: "Reply" }).click();
    await page.getByRole("link", { name: "Delete this comment" }).click();
    await expect(page.getByRole("heading", { name: "Delete this comment?" })).toBeVisible();
    await page.getByRole("button", { name: "Delete" }).click();
    await expect(page).toHaveURL(new RegExp(`${post.path}#c\\d+$`));
    await expect(page.getByRole("heading", { name: "1 comment:" })).toBeVisible();
    await expect(commentBy(page, post.comments[1].authorName)).toHaveCount(0);
  });
});
