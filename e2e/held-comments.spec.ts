import {
  commentBy,
  expect,
  newPerson,
  seriousA11yViolations,
  signInThroughApi,
  signUp,
  test,
} from "./fixtures";

const spamBody = (tag: string) =>
  `Great post ${tag}! See https://one.example/a https://two.example/b https://three.example/c`;

test.describe("held for review", () => {
  test("a new account's comment with 3 links is held: its author sees it marked, readers do not, a moderator approves it and everyone sees it", async ({
    page,
    browser,
    login,
    createUser,
    createPost,
  }) => {
    const post = await createPost({ comments: [{ body: "Already here." }] });
    const author = await login();
    const tag = `held-${Date.now()}`;
    await page.goto(post.path);
    await page.getByLabel("Comment", { exact: true }).fill(spamBody(tag));
    await page.getByRole("button", { name: "Publish" }).click();

    // Shown at once to its author, marked, and not counted.
    const mine = commentBy(page, author.name);
    await expect(mine).toContainText("Your comment is awaiting moderation.");
    await expect(mine).toContainText(tag);
    await expect(page.getByRole("heading", { name: "1 comment:" })).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // After a reload (the page is cached, the same for everyone) its author still sees it.
    await page.reload();
    await expect(commentBy(page, author.name)).toContainText("Your comment is awaiting moderation.");
    await expect(page.getByRole("heading", { name: "1 comment:" })).toBeVisible();

    // An anonymous reader does not.
    const reader = await browser.newContext();
    const readerPage = await reader.newPage();
    await readerPage.goto(post.path);
    await expect(readerPage.getByRole("heading", { name: "1 comment:" })).toBeVisible();
    await expect(readerPage.getByText(tag)).toHaveCount(0);

    // A moderator sees the queue's size in the header and approves it from the Held queue.
    const moderatorContext = await browser.newContext();
    const moderator = await createUser({ role: "moderator" });
    await signInThroughApi(moderatorContext.request, moderator);
    const moderatorPage = await moderatorContext.newPage();
    await moderatorPage.goto(post.path);
    await expect(moderatorPage.getByRole("link", { name: /^Moderation \(\d+ held\)$/ })).toBeVisible();
    await moderatorPage.goto("/moderation");
    const queue = moderatorPage.getByRole("region", { name: /^Held for review/ });
    const item = queue.getByRole("listitem", { name: new RegExp(`^Held comment \\d+ by ${author.name}$`) });
    await expect(item).toContainText("Held because: too many links");
    expect(await seriousA11yViolations(moderatorPage)).toEqual([]);
    await item
      .getByRole("button", { name: new RegExp(`^Approve held comment \\d+ by ${author.name}$`) })
      .click();
    await expect(moderatorPage.getByText("Approved: readers see it now.")).toBeVisible();
    await expect(queue.getByRole("listitem", { name: new RegExp(`by ${author.name}$`) })).toHaveCount(0);

    // Everyone sees it now, counted, without the mark.
    await expect(async () => {
      await readerPage.reload();
      await expect(readerPage.getByRole("heading", { name: "2 comments:" })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 5000 });
    await expect(commentBy(readerPage, author.name)).toContainText(tag);
    await expect(commentBy(readerPage, author.name)).not.toContainText("awaiting moderation");
    await page.reload();
    await expect(page.getByRole("heading", { name: "2 comments:" })).toBeVisible();
    await expect(commentBy(page, author.name)).not.toContainText("awaiting moderation");
    await reader.close();
    await moderatorContext.close();
  });
});

test.describe("held for review without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the author lands on a page showing the held comment marked; readers never see it", async ({
    page,
    browser,
    createPost,
  }) => {
    const post = await createPost({ comments: [{ body: "Already here." }] });
    const person = newPerson("held");
    await signUp(page, person, post.path, { javaScript: false });
    const tag = `nojs-held-${Date.now()}`;
    await page.getByRole("link", { name: "Post a comment" }).click();
    await page.getByLabel("Comment", { exact: true }).fill(spamBody(tag));
    await page.getByRole("button", { name: "Publish" }).click();

    await expect(page).toHaveURL(/\/comments\/\d+\/held$/);
    await expect(page.getByRole("heading", { name: "Awaiting moderation" })).toBeVisible();
    await expect(commentBy(page, person.name)).toContainText("Your comment is awaiting moderation.");
    await expect(commentBy(page, person.name)).toContainText(tag);
    const heldPath = new URL(page.url()).pathname;

    const reader = await browser.newContext({ javaScriptEnabled: false });
    const readerPage = await reader.newPage();
    await readerPage.goto(post.path);
    await expect(readerPage.getByRole("heading", { name: "1 comment:" })).toBeVisible();
    await expect(readerPage.getByText(tag)).toHaveCount(0);
    // Its own page asks a stranger to sign in, and shows nothing.
    await readerPage.goto(heldPath);
    await expect(readerPage).toHaveURL(/\/signin/);
    await reader.close();
  });
});
