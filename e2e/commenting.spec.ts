import {
  cloneDemoPost,
  expect,
  newPerson,
  repliesOf,
  seriousA11yViolations,
  signIn,
  signUp,
  test,
  topLevelComments,
} from "./fixtures";

test.describe("commenting", () => {
  test("a new commenter signs up and replies at depth 3; the count goes to 11", async ({ page }) => {
    const postPath = cloneDemoPost();
    const person = newPerson();
    await signUp(page, person, postPath);
    await expect(page).toHaveURL(postPath);
    await expect(page.getByRole("heading", { name: "10 comments:" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const target = repliesOf(topLevelComments(page).nth(5)).nth(1);
    await target.getByRole("button", { name: "Reply" }).first().click();
    const form = target.locator("form");
    await form
      .getByLabel("Comment", { exact: true })
      .fill("Depth three, with a link https://example.com/depth and 中文 text.");
    await form.getByRole("button", { name: "Publish" }).click();

    await expect(page.getByRole("heading", { name: "11 comments:" })).toBeVisible();
    const nested = repliesOf(target).first();
    await expect(nested).toContainText("Depth three, with a link");
    await expect(nested).toContainText(person.name);
    await expect(nested.getByRole("link", { name: "https://example.com/depth" })).toHaveAttribute(
      "rel",
      /ugc/,
    );
    await expect(nested).toBeFocused();
    await expect(page).toHaveURL(/#c\d+$/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Everyone else sees it too, at once.
    await page.context().clearCookies();
    await page.reload();
    await expect(repliesOf(repliesOf(topLevelComments(page).nth(5)).nth(1)).first()).toContainText(
      "Depth three",
    );
    await expect(page.getByRole("heading", { name: "11 comments:" })).toBeVisible();
  });

  test("a refused comment keeps its text and says why", async ({ page }) => {
    const postPath = cloneDemoPost();
    await signUp(page, newPerson(), postPath);
    const form = page.locator("form", { has: page.getByRole("button", { name: "Publish" }) }).last();
    await form.getByRole("button", { name: "Publish" }).click();
    await expect(form.getByText("Write something before publishing.")).toBeVisible();

    const long = "x".repeat(4097);
    await form.getByLabel("Comment", { exact: true }).fill(long);
    await form.getByRole("button", { name: "Publish" }).click();
    await expect(form.getByText("Comments can be at most 4,096 characters; yours has 4,097.")).toBeVisible();
    await expect(form.getByLabel("Comment", { exact: true })).toHaveValue(long);
    await expect(page.getByRole("heading", { name: "10 comments:" })).toBeVisible();
  });

  test("markup and javascript: links in a comment stay text and run nothing", async ({ page }) => {
    const postPath = cloneDemoPost();
    let dialogs = 0;
    page.on("dialog", (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await signUp(page, newPerson(), postPath);
    const payload =
      "<img src=x onerror=alert(1)> <script>alert(2)</script> javascript:alert(3) [x](javascript:alert(4))";
    const form = page.locator("form", { has: page.getByRole("button", { name: "Publish" }) }).last();
    await form.getByLabel("Comment", { exact: true }).fill(payload);
    await form.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("heading", { name: "11 comments:" })).toBeVisible();
    // The heading counts a pending comment at once: wait for the stored one before reloading.
    await expect(topLevelComments(page).last().locator(":scope > article")).toContainText(
      "<img src=x onerror=alert(1)>",
    );

    await page.reload();
    const comment = topLevelComments(page).last();
    await expect(comment).toContainText(payload);
    await expect(comment.locator("img, script")).toHaveCount(0);
    await expect(comment.locator('a[href^="javascript:"]')).toHaveCount(0);
    expect(dialogs).toBe(0);
  });

  test("signed-out readers see no reply form, and sign-in returns them to the comment", async ({ page }) => {
    const postPath = cloneDemoPost();
    const person = newPerson();
    await signUp(page, person, postPath);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

    await page.goto(postPath);
    await expect(page.getByLabel("Comment", { exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Reply" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Sign in to comment" })).toBeVisible();

    // "Reply" leads to a page of its own, which asks for a sign-in first and comes back.
    const second = topLevelComments(page).nth(1);
    const id = (await second.getAttribute("id"))!.slice(1);
    await second.getByRole("link", { name: "Reply" }).click();
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`/comments/${id}/reply`);
    await expect(page.getByRole("heading", { name: "Reply to Anonymous" })).toBeVisible();
    await expect(page.getByLabel("Comment", { exact: true })).toBeFocused();
    // Publishing there leads back to the reply in its thread.
    await page.getByLabel("Comment", { exact: true }).fill("Replying from the reply page.");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page).toHaveURL(new RegExp(`${postPath}#c\\d+$`));
    await expect(repliesOf(topLevelComments(page).nth(1)).last()).toContainText(
      "Replying from the reply page.",
    );
  });

  test("signing out ends the session, even for a copied cookie", async ({ page, browser }) => {
    const person = newPerson();
    await signUp(page, person, "/");
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

  test("a wrong password gets one generic message", async ({ page }) => {
    await signIn(page, { email: "moderator@commonplace.local", password: "moderate-the-demo-thread" });
    await page.getByRole("button", { name: "Sign out" }).click();
    for (const email of ["moderator@commonplace.local", "nobody@example.test"]) {
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

  test("signing up, commenting and replying work as plain forms", async ({ page }) => {
    const postPath = cloneDemoPost();
    const person = newPerson("nojs");
    await signUp(page, person, postPath, { javaScript: false });

    await page.getByRole("link", { name: "Post a comment" }).click();
    await expect(page.getByRole("heading", { name: "Post a comment" })).toBeVisible();
    await page.getByLabel("Comment", { exact: true }).fill("Posted without JavaScript.");
    await page.getByRole("button", { name: "Publish" }).click();
    // The redirect lands on the cached page, already showing the new comment.
    await expect(page).toHaveURL(new RegExp(`${postPath}#c\\d+$`));
    await expect(page.getByRole("heading", { name: "11 comments:" })).toBeVisible();
    await expect(topLevelComments(page).last()).toContainText("Posted without JavaScript.");

    const first = topLevelComments(page).first();
    await first.getByRole("link", { name: "Reply" }).first().click();
    await expect(page).toHaveURL(/\/comments\/\d+\/reply$/);
    await page.getByLabel("Comment", { exact: true }).fill("A reply without JavaScript.");
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("heading", { name: "12 comments:" })).toBeVisible();
    await expect(repliesOf(topLevelComments(page).first()).last()).toContainText(
      "A reply without JavaScript.",
    );
  });
});
