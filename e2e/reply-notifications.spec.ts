import { randomUUID } from "node:crypto";
import { e2eSmtpPort } from "../scripts/lib/e2e-database.mjs";
import { decodedBody, startTestSmtpServer, type ReceivedMail } from "../tests/support/smtp-server";
import {
  commentBy,
  expect,
  ownContent,
  seriousA11yViolations,
  signInThroughApi,
  test,
  type TestUser,
} from "./fixtures";

/**
 * Reply notifications end to end (docs/decisions/036): the servers' notifier reads the
 * event log and queues mails, their mail workers send them to the SMTP server this file
 * runs, and the mail's own unsubscribe link is followed without signing in.
 * scripts/e2e-server.mjs sets NOTIFY_BATCH_MINUTES=0: every reply is a mail of its own.
 */
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
test.beforeAll(async () => {
  smtp = await startTestSmtpServer(e2eSmtpPort());
});
test.afterAll(() => smtp?.close());

const mailsTo = (email: string) => smtp.received.filter((mail) => mail.to.includes(email));
/** Header lines unfolded (a long header is continued on the next line after whitespace). */
const headersOf = (mail: ReceivedMail) =>
  mail.raw
    .replace(/\r/g, "")
    .split("\n\n")[0]
    .replace(/\n[ \t]+/g, " ");

test("a reply is mailed to the commenter who asked, with one-click unsubscribe that works signed out", async ({
  page,
  browser,
  db,
  login,
  createUser,
  createPost,
}) => {
  const verify = (user: TestUser) =>
    db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() }, select: { id: true } });
  const ann = await login({ name: "Ann" });
  await verify(ann);
  const post = await createPost();
  const words = `Ann's question ${randomUUID().slice(0, 6)}`;

  await page.goto(post.path);
  await expect(page.getByLabel("Email me replies")).not.toBeChecked();
  await page.getByRole("textbox", { name: "Comment" }).fill(words);
  await page.getByLabel("Email me replies").check();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(commentBy(page, ann.name)).toContainText(words);

  const bob = await createUser({ name: "Bob" });
  await verify(bob);
  const bobContext = await browser.newContext();
  await signInThroughApi(bobContext.request, bob);
  const bobPage = await bobContext.newPage();
  const replyAs = async (text: string) => {
    await bobPage.goto(post.path);
    const annComment = commentBy(bobPage, ann.name);
    await ownContent(annComment).getByRole("button", { name: "Reply" }).click();
    await annComment.getByRole("textbox", { name: "Comment" }).fill(text);
    await annComment.getByRole("button", { name: "Publish" }).click();
    await expect(commentBy(bobPage, bob.name).filter({ hasText: text })).toBeVisible();
  };

  const first = `Bob answers <b>${randomUUID().slice(0, 6)}</b>`;
  await replyAs(first);
  await expect.poll(() => mailsTo(ann.email).length, { timeout: 30_000 }).toBe(1);
  const mail = mailsTo(ann.email)[0];
  const body = decodedBody(mail.raw);
  expect(body).toContain(`> ${first}`);
  expect(body).toContain(post.title);
  const headers = headersOf(mail);
  expect(headers).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  const oneClick = /^List-Unsubscribe: <(http:\/\/[^>]+)>$/m.exec(headers)?.[1];
  expect(oneClick).toMatch(/\/api\/unsubscribe\//);
  // Bob is not told about his own reply.
  expect(mailsTo(bob.email)).toHaveLength(0);

  // Another reply, another mail (no batching here): what the unsubscribe below must stop.
  await replyAs(`Bob again ${randomUUID().slice(0, 6)}`);
  await expect.poll(() => mailsTo(ann.email).length, { timeout: 30_000 }).toBe(2);

  // The mail's link, opened by someone not signed in: a GET only asks.
  const link = /http:\/\/\S+\/account\/unsubscribe\/\S+/.exec(body)?.[0];
  expect(link).toBeTruthy();
  const anonymous = await browser.newContext();
  const anonymousPage = await anonymous.newPage();
  await anonymousPage.goto(link!);
  await expect(anonymousPage.getByRole("heading", { name: "Unsubscribe" })).toBeVisible();
  await expect(anonymousPage.getByText(post.title)).toBeVisible();
  expect(await seriousA11yViolations(anonymousPage)).toEqual([]);
  await anonymousPage.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(anonymousPage.getByRole("status")).toContainText("Done: you will get no more mails");
  // The one-click address of the header works without a session too (and repeating is harmless).
  expect(
    (await anonymous.request.post(oneClick!, { form: { "List-Unsubscribe": "One-Click" } })).status(),
  ).toBe(200);
  await anonymous.close();

  // A further reply sends nothing: wait until the notifier has handled its event.
  const last = `Bob a third time ${randomUUID().slice(0, 6)}`;
  await replyAs(last);
  const comment = await db.comment.findFirstOrThrow({ where: { body: last }, select: { id: true } });
  // The event log's tables (docs/decisions/035), read as SQL both databases run.
  const [event] = await db.$queryRaw<
    { id: number }[]
  >`SELECT "id" FROM "SiteEvent" WHERE "commentId" = ${comment.id}`;
  expect(event).toBeTruthy();
  const cursor = async () =>
    Number(
      (
        await db.$queryRaw<
          { lastId: number }[]
        >`SELECT "lastId" FROM "EventCursor" WHERE "name" = 'notifications'`
      )[0]?.lastId ?? 0,
    );
  await expect.poll(cursor, { timeout: 30_000 }).toBeGreaterThanOrEqual(Number(event.id));
  await page.waitForTimeout(2500);
  expect(mailsTo(ann.email)).toHaveLength(2);
  await bobContext.close();
});

test("follow a discussion, and the notification settings page", async ({ page, login, createPost }) => {
  const reader = await login({ name: "Follower" });
  const post = await createPost();
  await page.goto(post.path);
  await page.getByRole("button", { name: "Follow this discussion" }).click();
  await expect(page.getByRole("button", { name: "Unfollow this discussion" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Unfollow this discussion" })).toBeVisible();

  await page.goto("/account");
  await page.getByRole("link", { name: "Notification settings" }).click();
  await expect(page.getByRole("heading", { name: "Email notifications" })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await expect(page.getByRole("link", { name: post.title })).toBeVisible();
  await page.getByLabel("Stop all notification mails").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").first()).toContainText("saved");
  await page.getByRole("button", { name: "Unfollow this discussion" }).click();
  await expect(page.getByRole("button", { name: "Follow this discussion" })).toBeVisible();
  expect(reader.email).toBeTruthy();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Email me replies and Follow work as plain forms", async ({ page, db, login, createPost }) => {
    const reader = await login({ name: "NoScript" });
    const post = await createPost();
    await page.goto(`/posts/${post.id}/comment`);
    await page.getByRole("button", { name: "Follow this discussion" }).click();
    await page.goto(`/posts/${post.id}/comment`);
    await expect(page.getByRole("button", { name: "Unfollow this discussion" })).toBeVisible();
    const text = `Plain form ${randomUUID().slice(0, 6)}`;
    await page.getByLabel("Comment").fill(text);
    await page.getByLabel("Email me replies").check();
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByText(text)).toBeVisible();
    const stored = await db.comment.findFirstOrThrow({
      where: { body: text },
      select: { notifyReplies: true },
    });
    expect(stored.notifyReplies).toBe(true);
    const user = await db.user.findUniqueOrThrow({
      where: { id: reader.id },
      select: { notifyReplies: true },
    });
    expect(user.notifyReplies).toBe(true);
  });
});
