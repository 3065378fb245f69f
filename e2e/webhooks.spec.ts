import { startWebhookReceiver } from "../tests/support/webhook-receiver";
import { readmeVerifier } from "../tests/support/webhook-recipe";
import type { Page } from "@playwright/test";
import { expect, seriousA11yViolations, test, type TestPost, type TestUser } from "./fixtures";

/**
 * Webhooks end to end (docs/decisions/037): an admin adds one pointing at a receiver this
 * file runs on 127.0.0.1 (the e2e servers run with WEBHOOKS_ALLOW_PRIVATE=1), sends a
 * test, reads it in the delivery log, and a comment posted arrives signed, checked with
 * the README's recipe as printed.
 */
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(() => receiver?.close());

const arrived = (type: string) =>
  receiver.received.filter((request) => request.headers["commonplace-event"] === type);

for (const javaScript of [true, false]) {
  test.describe(javaScript ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled: javaScript });

    test("an admin adds a webhook, tests it, reads the log; a comment arrives signed", async ({
      page,
      login,
      createPost,
    }) => {
      const admin = await login({ role: "admin" });
      const post = await createPost();
      const path = `/hook-${javaScript ? "js" : "plain"}`;
      await page.goto("/admin");
      await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Webhooks" }).click();
      await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
      if (javaScript) expect(await seriousA11yViolations(page)).toEqual([]);

      // Refused first: no event chosen, then a URL that is not one.
      await page.getByLabel("URL to deliver to").fill("not a url");
      await page.getByRole("button", { name: "Add webhook" }).click();
      await expect(page.getByText("Enter a full URL")).toBeVisible();
      await page.getByLabel("URL to deliver to").fill(`${receiver.url}${path}`);
      await page.getByRole("button", { name: "Add webhook" }).click();
      await expect(page.getByText("Choose at least one event.")).toBeVisible();
      await expect(page.getByLabel("URL to deliver to")).toHaveValue(`${receiver.url}${path}`);
      await page.getByRole("checkbox", { name: /comment\.created/ }).check();
      await page.getByRole("button", { name: "Add webhook" }).click();

      await expect(page.getByRole("heading", { name: "Webhook", level: 1 })).toBeVisible();
      await expect(page.getByRole("status")).toContainText("Webhook added");
      const secret = (await page.getByText(/^whsec_/).textContent())!.trim();
      if (javaScript) expect(await seriousA11yViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "Send test" }).click();
      await expect(page.getByRole("status")).toContainText("Test delivery queued");
      await expect
        .poll(() => arrived("ping").filter((r) => r.path === path).length, { timeout: 20_000 })
        .toBe(1);
      await expect
        .poll(
          async () => {
            await page.reload();
            return page.getByRole("row").filter({ hasText: "ping" }).textContent();
          },
          { timeout: 20_000 },
        )
        .toMatch(/delivered.*HTTP 200/);
      if (javaScript) expect(await seriousA11yViolations(page)).toEqual([]);

      // A comment (posted from the post page's form, which needs JavaScript; commenting
      // without it is e2e/commenting.spec.ts's): delivered as comment.created, signed
      // with this webhook's secret.
      if (javaScript) await commentArrivesSigned(page, post, admin, path, secret);

      // Deleted, with its log.
      await page.goto("/admin/webhooks");
      await page.getByRole("link", { name: `${receiver.url}${path}` }).click();
      await page.getByText("Delete this webhook…").click();
      await page.getByRole("button", { name: "Delete webhook" }).click();
      await expect(page.getByRole("status")).toContainText("Webhook deleted");
      await expect(page.getByRole("link", { name: `${receiver.url}${path}` })).toHaveCount(0);
    });
  });
}

async function commentArrivesSigned(
  page: Page,
  post: TestPost,
  admin: TestUser,
  path: string,
  secret: string,
) {
  const text = `Webhook words ${Date.now()}`;
  await page.goto(post.path);
  await page.getByLabel("Comment", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(text)).toBeVisible();
  await expect
    .poll(() => arrived("comment.created").filter((r) => r.path === path).length, { timeout: 20_000 })
    .toBe(1);
  const [delivery] = arrived("comment.created").filter((r) => r.path === path);
  const verify = await readmeVerifier();
  expect(verify(secret, String(delivery.headers["commonplace-signature"]), delivery.body)).toBe(true);
  const body = JSON.parse(delivery.body);
  expect(body).toMatchObject({
    id: delivery.headers["commonplace-delivery"],
    type: "comment.created",
    data: { postId: post.id, parentId: null, authorName: admin.name, text },
  });
  expect(body.data.url).toMatch(/\/comments\/\d+$/);
  expect(delivery.body).not.toContain(admin.email);
}
