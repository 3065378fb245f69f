import {
  commentBy,
  expect,
  newPerson,
  ownContent,
  seriousA11yViolations,
  signUp,
  test,
  topLevelComments,
} from "./fixtures";

test.describe("commenting", () => {
  test("a new commenter signs up and replies at depth 3; the count goes up by one", async ({
    page,
    createPost,
  }) => {
    const post = await createPost({
      comments: [
        { body: "The first word." },
        { body: "A question.", replies: [{ body: "One answer." }, { body: "Another answer." }] },
      ],
    });
    const target = post.comments[3];
    const person = newPerson();
    await signUp(page, person, post.path);
    await expect(page).toHaveURL(post.path);
    await expect(page.getByRole("heading", { name: "4 comments:" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const targetItem = commentBy(page, target.authorName);
    await ownContent(targetItem).getByRole("button", { name: "Reply" }).click();
    await targetItem
      .getByLabel("Comment", { exact: true })
      .fill("Depth three, with a link https://example.com/depth and 中文 text.");
    await targetItem.getByRole("button", { name: "Publish" }).click();

    await expect(page.getByRole("heading", { name: "5 comments:" })).toBeVisible();
    const nested = commentBy(targetItem, person.name);
    await expect(nested).toContainText("Depth three, with a link");
    await expect(nested.getByRole("link", { name: "https://example.com/depth" })).toHaveAttribute(
      "rel",
      /ugc/,
    );
    await expect(nested).toBeFocused();
    await expect(page).toHaveURL(/#c\d+$/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Everyone else sees it too, at once, under the comment it answers.
    await page.context().clearCookies();
    await page.reload();
    await expect(commentBy(commentBy(page, target.authorName), person.name)).toContainText("Depth three");
    await expect(page.getByRole("heading", { name: "5 comments:" })).toBeVisible();
  });

  test("a refused comment keeps its text and says why", async ({ page, login, createPost }) => {
    const post = await createPost({ comments: [{ body: "Already here." }] });
    await login();
    await page.goto(post.path);
    const publish = page.getByRole("button", { name: "Publish" });
    await publish.click();
    await expect(page.getByText("Write something before publishing.")).toBeVisible();

    const long = "x".repeat(4097);
    await page.getByLabel("Comment", { exact: true }).fill(long);
    await publish.click();
    await expect(page.getByText("Comments can be at most 4,096 characters; yours has 4,097.")).toBeVisible();
    await expect(page.getByLabel("Comment", { exact: true })).toHaveValue(long);
    await expect(page.getByRole("heading", { name: "1 comment:" })).toBeVisible();
  });

  test("markup and javascript: links in a comment stay text and run nothing", async ({
    page,
    login,
    createPost,
  }) => {
    const post = await createPost({ comments: [{ body: "Already here." }] });
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    const me = await login();
    await page.goto(post.path);
    const payload =
      "<img src=x onerror=alert(1)> <script>alert(2)</script> javascript:alert(3) [x](javascript:alert(4))";
    await page.getByLabel("Comment", { exact: true }).fill(payload);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("heading", { name: "2 comments:" })).toBeVisible();
    // The heading counts a pending comment at once: wait for the stored one before reloading.
    await expect(ownContent(commentBy(page, me.name))).toContainText("<img src=x onerror=alert(1)>");

    await page.reload();
    const comment = commentBy(page, me.name);
    await expect(comment).toContainText(payload);
    await expect(comment.locator("img, script")).toHaveCount(0);
    await expect(comment.locator('a[href^="javascript:"]')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test("signed-out readers see no reply form, and sign-in returns them to the comment", async ({
    page,
    createUser,
    createPost,
  }) => {
    const post = await createPost({ comments: [{ body: "The first word." }, { body: "The second word." }] });
    const second = post.comments[1];
    const person = await createUser();

    await page.goto(post.path);
    await expect(page.getByLabel("Comment", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Reply" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Sign in to comment" })).toBeVisible();

    // "Reply" leads to a page of its own, which asks for a sign-in first and comes back.
    await commentBy(page, second.authorName).getByRole("link", { name: "Reply" }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`/comments/${second.id}/reply`);
    await expect(page.getByRole("heading", { name: `Reply to ${second.authorName}` })).toBeVisible();
    await expect(page.getByLabel("Comment", { exact: true })).toBeFocused();
    // Publishing there leads back to the reply in its thread.
    await page.getByLabel("Comment", { exact: true }).fill("Replying from the reply page.");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page).toHaveURL(new RegExp(`${post.path}#c\\d+$`));
    await expect(commentBy(commentBy(page, second.authorName), person.name)).toContainText(
      "Replying from the reply page.",
    );
  });

  test("signing out ends the session, even for a copied cookie", async ({ page, browser, login }) => {
    const person = await login();
    await page.goto("/");
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const replayPage = await replay.newPage();
    await replayPage.goto("/");
    await expect(replayPage.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await expect(replayPage.getByText(`Signed in as ${person.name}`)).toHaveCount(0);
    await replay.close();
  });

  test("a wrong password gets one generic message", async ({ page, createUser }) => {
    const person = await createUser();
    for (const email of [person.email, "nobody@example.test"]) {
      await page.goto("/signin");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("definitely not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("signing up, commenting and replying work as plain forms", async ({ page, createPost }) => {
    const post = await createPost({ comments: [{ body: "The first word." }, { body: "The second word." }] });
    const person = newPerson("nojs");
    await signUp(page, person, post.path, { javaScript: false });

    await page.getByRole("link", { name: "Post a comment" }).click();
    await expect(page.getByRole("heading", { name: "Post a comment" })).toBeVisible();
    await page.getByLabel("Comment", { exact: true }).fill("Posted without JavaScript.");
    await page.getByRole("button", { name: "Publish" }).click();
    // The redirect lands on the cached page, already showing the new comment.
    await expect(page).toHaveURL(new RegExp(`${post.path}#c\\d+$`));
    await expect(page.getByRole("heading", { name: "3 comments:" })).toBeVisible();
    await expect(topLevelComments(page).last()).toContainText("Posted without JavaScript.");

    const first = commentBy(page, post.comments[0].authorName);
    await first.getByRole("link", { name: "Reply" }).click();
    await expect(page).toHaveURL(/\/comments\/\d+\/reply$/);
    await page.getByLabel("Comment", { exact: true }).fill("A reply without JavaScript.");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("heading", { name: "4 comments:" })).toBeVisible();
    await expect(commentBy(first, person.name)).toContainText("A reply without JavaScript.");
  });
});
