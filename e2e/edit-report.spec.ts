import { commentBy, expect, ownContent, seriousA11yViolations, signInThroughApi, test } from "./fixtures";

test.describe("editing and reporting comments", () => {
  test("an author edits in place by keyboard, sees “edited”, and the edit is announced", async ({
    page,
    login,
    createPost,
    createComment,
  }) => {
    const author = await login();
    const post = await createPost({});
    const comment = await createComment({
      postId: post.id,
      body: "Teh first version.",
      author,
      createdAt: new Date(),
    });
    await page.goto(post.path);
    const mine = commentBy(page, author.name);
    const edit = ownContent(mine).getByRole("button", { name: "Edit" });
    await edit.focus();
    await page.keyboard.press("Enter");
    const field = page.getByLabel("Edit your comment");
    await expect(field).toBeFocused();
    await expect(field).toHaveValue("Teh first version.");
    expect(await seriousA11yViolations(page)).toEqual([]);
    await field.fill("The first version, fixed.");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Save" })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(ownContent(mine)).toContainText("The first version, fixed.");
    await expect(ownContent(mine)).toContainText("(edited");
    await expect(mine).toBeFocused();
    await expect(ownContent(mine).getByRole("status")).toHaveText("Your changes are saved.");

    // The page without JavaScript uses (axe needs a script, so it is checked here).
    await page.goto(`/comments/${comment.id}/edit`);
    await expect(page.getByLabel("Edit your comment")).toHaveValue("The first version, fixed.");
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  test("without JavaScript, Edit leads to a page of its own and back to the edited comment", async ({
    browser,
    createUser,
    createPost,
    createComment,
  }) => {
    const author = await createUser();
    const post = await createPost({});
    const comment = await createComment({ postId: post.id, body: "Before.", author, createdAt: new Date() });
    const context = await browser.newContext({ javaScriptEnabled: false });
    await signInThroughApi(context.request, author);
    const page = await context.newPage();
    await page.goto(`/comments/${comment.id}/edit`);
    await page.getByLabel("Edit your comment").fill("After, without JavaScript.");
    await page.getByRole("button", { name: "Save" }).click();
    const mine = commentBy(page, author.name);
    await expect(ownContent(mine)).toContainText("After, without JavaScript.");
    await expect(ownContent(mine)).toContainText("(edited");
    await context.close();
  });

  test("three readers report a comment: it is hidden and queued; dismissing restores it", async ({
    browser,
    createUser,
    createPost,
    createComment,
  }) => {
    const author = await createUser();
    const post = await createPost({});
    const comment = await createComment({
      postId: post.id,
      body: "Cheap pills here.",
      author,
      createdAt: new Date(),
    });

    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext();
      const reader = await createUser();
      await signInThroughApi(context.request, reader);
      const page = await context.newPage();
      if (i === 0) {
        await page.goto(`/comments/${comment.id}/report`);
        await expect(page.getByRole("heading", { name: /Report a comment/ })).toBeVisible();
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
      await page.goto(post.path);
      const report = ownContent(commentBy(page, author.name)).getByRole("button", { name: "Report" });
      await report.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Report this comment" });
      await expect(dialog).toBeVisible();
      if (i === 0) expect(await seriousA11yViolations(page)).toEqual([]);
      await dialog.getByLabel("Spam").check();
      await dialog.getByRole("button", { name: "Send report" }).click();
      await expect(dialog).toBeHidden();
      await expect(report).toBeFocused();
      await expect(ownContent(commentBy(page, author.name)).getByRole("status")).toHaveText(
        "Thank you. Moderators will review this comment.",
      );
      await context.close();
    }

    const anonymous = await browser.newContext();
    const readerPage = await anonymous.newPage();
    await readerPage.goto(post.path);
    await expect(ownContent(commentBy(readerPage, author.name))).toContainText(
      "This comment is hidden pending review.",
    );
    await expect(readerPage.getByText("Cheap pills here.")).toHaveCount(0);

    const moderatorContext = await browser.newContext();
    await signInThroughApi(moderatorContext.request, await createUser({ role: "moderator" }));
    const moderation = await moderatorContext.newPage();
    await moderation.goto("/moderation");
    const item = moderation
      .getByRole("region", { name: /^Reported/ })
      .getByRole("listitem")
      .filter({ hasText: "Cheap pills here." });
    await expect(item).toContainText("3 reports");
    await expect(item).toContainText("hidden from readers pending review");
    expect(await seriousA11yViolations(moderation)).toEqual([]);
    await item.getByRole("button", { name: "Dismiss reports" }).click();
    await expect(moderation.getByText("The reports were dismissed")).toBeVisible();

    await readerPage.reload();
    await expect(ownContent(commentBy(readerPage, author.name))).toContainText("Cheap pills here.");
    await anonymous.close();
    await moderatorContext.close();
  });
});
