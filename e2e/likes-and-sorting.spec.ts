import {
  commentBy,
  expect,
  ownContent,
  seriousA11yViolations,
  test,
  topLevelComments,
  type TestPost,
} from "./fixtures";

/** Likes, sorting, comment times and focus after delete (issue 13, docs/decisions/030). */

async function likeButton(page: import("@playwright/test").Page, authorName: string) {
  return ownContent(commentBy(page, authorName)).getByRole("button", { name: "Like" });
}

test.describe("with JavaScript", () => {
  test("a reader likes and unlikes a comment; the count is on the cached page for everyone", async ({
    page,
    browser,
    createPost,
    login,
  }) => {
    const post: TestPost = await createPost({ comments: [{ body: "Worth a like" }, { body: "Another" }] });
    const [first] = post.comments;
    await login();
    await page.goto(post.path);
    const like = await likeButton(page, first.authorName);
    await expect(like).toBeEnabled();
    await expect(like).toHaveAttribute("aria-pressed", "false");
    await like.click();
    await expect(like).toHaveAttribute("aria-pressed", "true");
    await expect(ownContent(commentBy(page, first.authorName))).toContainText("1 like");
    await expect(page.getByRole("status").filter({ hasText: "Liked. 1 like." })).toBeAttached();
    // Focus stays on the toggle.
    await expect(like).toBeFocused();

    // Another reader (signed out) gets the count in the cached page; "you liked" is not there.
    const anonymous = await browser.newContext();
    const reader = await anonymous.newPage();
    await reader.goto(post.path);
    await expect(ownContent(commentBy(reader, first.authorName))).toContainText("1 like");
    await expect(reader.getByRole("button", { name: "Like" })).toHaveCount(0);
    await anonymous.close();

    // After a reload the viewer endpoint says this reader likes it.
    await page.reload();
    const again = await likeButton(page, first.authorName);
    await expect(again).toHaveAttribute("aria-pressed", "true");
    await again.click();
    await expect(again).toHaveAttribute("aria-pressed", "false");
    await expect(ownContent(commentBy(page, first.authorName))).toContainText("0 likes");
    await page.reload();
    await expect(await likeButton(page, first.authorName)).toHaveAttribute("aria-pressed", "false");
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The like page (how readers without JavaScript like) passes too.
    await page.goto(`/comments/${first.id}/like`);
    await expect(page.getByRole("button", { name: "Like" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test("keyboard only: Tab to Like, Space presses it, focus stays visible on it", async ({
    page,
    createPost,
    login,
  }) => {
    const post = await createPost({ comments: [{ body: "Press me by keyboard" }] });
    await login();
    await page.goto(post.path);
    const like = await likeButton(page, post.comments[0].authorName);
    await expect(like).toBeEnabled();
    for (let i = 0; i < 60 && !(await like.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(like).toBeFocused();
    expect(await like.evaluate((el) => el.matches(":focus-visible"))).toBe(true);
    await page.keyboard.press("Space");
    await expect(like).toHaveAttribute("aria-pressed", "true");
    await expect(like).toBeFocused();
  });

  test("the author sees the count but no Like on their own comment", async ({ page, createPost, login }) => {
    const me = await login();
    const post = await createPost({ comments: [{ body: "Mine", author: me }, { body: "Theirs" }] });
    await page.goto(post.path);
    await expect(
      ownContent(commentBy(page, post.comments[1].authorName)).getByRole("button", { name: "Like" }),
    ).toBeEnabled();
    await expect(ownContent(commentBy(page, me.name)).getByRole("button", { name: "Like" })).toHaveCount(0);
  });

  test("sorts by Newest and Best through links in the URL, and loads more in that order", async ({
    page,
    createPost,
    createGuestComments,
    login,
    db,
  }) => {
    const post = await createPost({ comments: [{ body: "Oldest words" }, { body: "Middle words" }] });
    const [, middle] = post.comments;
    // One like makes the middle comment Best, through the app (which expires the pages).
    await login();
    await page.goto(post.path);
    await (await likeButton(page, middle.authorName)).click();
    await expect(await likeButton(page, middle.authorName)).toHaveAttribute("aria-pressed", "true");

    await page
      .getByRole("navigation", { name: "Sort comments" })
      .getByRole("link", { name: "Newest" })
      .click();
    await expect(page).toHaveURL(new RegExp(`${post.path}\\?sort=newest#comments$`));
    await expect(
      page.getByRole("navigation", { name: "Sort comments" }).getByRole("link", { name: "Newest" }),
    ).toHaveAttribute("aria-current", "true");
    await expect(topLevelComments(page).first()).toContainText("Middle words");

    await page.getByRole("navigation", { name: "Sort comments" }).getByRole("link", { name: "Best" }).click();
    await expect(page).toHaveURL(/\?sort=best#comments$/);
    await expect(topLevelComments(page).first()).toContainText("Middle words");
    await expect(ownContent(commentBy(page, middle.authorName))).toContainText("1 like");
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A long thread in Newest: "Load more" continues in that order and takes focus.
    const long = await createPost();
    const ids = await createGuestComments(long.id, 60);
    await page.goto(`${long.path}?sort=newest`);
    await expect(page.locator(`#c${ids[59]}`)).toBeVisible();
    await page.getByRole("button", { name: "Load more comments" }).click();
    await expect(page.locator(`#c${ids[0]}`)).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "More comments loaded" })).toBeAttached();
    const order = await page.locator("#comments li[id^=c]").evaluateAll((items) => items.map((li) => li.id));
    expect(order).toEqual(ids.map((id) => `c${id}`).reverse());
    expect(await db.comment.count({ where: { postId: long.id } })).toBe(60);
  });

  test("after deleting through the dialog, focus lands on the tombstone and it is announced", async ({
    page,
    createPost,
    login,
  }) => {
    const me = await login();
    const post = await createPost({
      comments: [{ body: "I will delete this", author: me, replies: [{ body: "A reply that stays" }] }],
    });
    await page.goto(post.path);
    const mine = commentBy(page, me.name);
    await ownContent(mine).getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete this comment?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(mine).toHaveAttribute("data-deleted", "");
    await expect(mine).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "Comment deleted" })).toBeAttached();
  });

  test("comment times: the blog's date in the HTML, the reader's relative time after hydration, no mismatch", async ({
    browser,
    createPost,
    consoleErrors,
  }) => {
    const post = await createPost({ comments: [{ body: "An old comment" }] });
    const context = await browser.newContext({ timezoneId: "Pacific/Kiritimati" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    const html = await (await page.request.get(post.path)).text();
    // The cached HTML: the absolute date, the exact time in the tooltip, the instant in datetime.
    expect(html).toMatch(/<time dateTime="2001-01-15T12:01:00.000Z" title="[^"]+">January 15, 2001<\/time>/);
    await page.goto(post.path);
    const time = commentBy(page, post.comments[0].authorName).locator("time").first();
    // Hydrated in a zone 14 hours ahead: the date moves to the 16th, the tooltip names the zone.
    await expect(time).toHaveText("January 16, 2001");
    await expect(time).toHaveAttribute("title", /January 16, 2001 at 2:01 AM GMT\+14/);
    expect(errors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("likes and unlikes through the like page, back to the comment", async ({
    page,
    createPost,
    login,
  }) => {
    const post = await createPost({ comments: [{ body: "Like me plainly" }] });
    const [comment] = post.comments;
    await login();
    await page.goto(`${post.path}?sort=best`);
    await ownContent(commentBy(page, comment.authorName)).getByRole("link", { name: "Like" }).click();
    await expect(page.getByRole("heading", { name: "Like this comment" })).toBeVisible();
    await page.getByRole("button", { name: "Like" }).click();
    await expect(page).toHaveURL(new RegExp(`${post.path}\\?sort=best#c${comment.id}$`));
    await expect(ownContent(commentBy(page, comment.authorName))).toContainText("1 like");

    await ownContent(commentBy(page, comment.authorName)).getByRole("link", { name: "Like" }).click();
    await expect(page.getByText("You like this comment.")).toBeVisible();
    await page.getByRole("button", { name: "Unlike" }).click();
    await expect(page).toHaveURL(new RegExp(`#c${comment.id}$`));
    await expect(ownContent(commentBy(page, comment.authorName))).not.toContainText("1 like");
  });

  test("sort links work as plain links", async ({ page, createPost }) => {
    const post = await createPost({ comments: [{ body: "First said" }, { body: "Said last" }] });
    await page.goto(post.path);
    await expect(topLevelComments(page).first()).toContainText("First said");
    await page.getByRole("link", { name: "Newest" }).click();
    await expect(topLevelComments(page).first()).toContainText("Said last");
  });
});
