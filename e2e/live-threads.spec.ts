import net from "node:net";
import type { Browser, Page } from "@playwright/test";
import { commentBy, expect, ownContent, seriousA11yViolations, test } from "./fixtures";

// docs/decisions/038: a reader with a post open learns of new comments without reloading.
// The reader here reads from the second server process (E2E_PORT + 1) while the comments
// are written through the first: the two share only the database's event log.
const SECOND_PORT = Number(process.env.E2E_PORT ?? 3210) + 1;
const SECOND_ORIGIN = `http://127.0.0.1:${SECOND_PORT}`;

/** A TCP relay to the second instance that can cut every connection through it at once. */
async function relay() {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(SECOND_PORT, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    /** Drops every connection, as a network hiccup or a restarted proxy would. */
    cut: () => {
      for (const socket of sockets) socket.destroy();
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

/** An anonymous reader in a browser of their own, with the post open and its stream connected. */
async function openReader(browser: Browser, url: string, allowed: RegExp | null = null) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    // As the suite's fixture: the browser's own favicon request answers 404.
    if (message.type() === "error" && !/status of 404/.test(text) && !(allowed && allowed.test(text)))
      errors.push(text);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  const streams: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/live")) streams.push(request.url());
  });
  const connected = page.waitForResponse((response) => response.url().includes("/live"));
  await page.goto(url);
  expect((await connected).status()).toBe(200);
  return { page, errors, streams, close: () => context.close() };
}

function banner(page: Page) {
  return page.getByRole("button", { name: /new comments? — show$/ });
}

async function publish(page: Page, text: string) {
  await page.getByLabel("Comment", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText(text)).toBeVisible();
}

test.describe("live threads", () => {
  test("a comment written through one instance is announced on another, and shown on request", async ({
    page,
    browser,
    login,
    createPost,
  }) => {
    const post = await createPost({ comments: [{ body: "First words." }] });
    const reader = await openReader(browser, SECOND_ORIGIN + post.path);

    const commenter = await login();
    await page.goto(post.path);
    const text = `Live from the first instance ${Date.now()}`;
    await publish(page, text);

    // Announced, not inserted: the new comment waits for the reader's click.
    await expect(banner(reader.page)).toHaveText("1 new comment — show");
    await expect(reader.page.getByText(text)).toHaveCount(0);
    await expect(
      reader.page.getByRole("status").filter({ hasText: "1 new comment in this discussion." }),
    ).toHaveCount(1);
    expect(await seriousA11yViolations(reader.page)).toEqual([]);

    await banner(reader.page).click();
    const shown = commentBy(reader.page, commenter.name);
    await expect(shown).toContainText(text);
    await expect(shown).toBeFocused();
    await expect(banner(reader.page)).toHaveCount(0);
    await expect(reader.page.getByRole("heading", { name: "2 comments:" })).toBeVisible();
    expect(reader.errors).toEqual([]);
    await reader.close();
  });

  test("a deletion becomes its tombstone in place, and an edit shows its new text", async ({
    page,
    browser,
    login,
    createPost,
  }) => {
    const post = await createPost({ comments: [{ body: "Stays here." }] });
    const commenter = await login();
    await page.goto(post.path);
    const first = `Soon removed ${Date.now()}`;
    await publish(page, first);
    await page.reload();
    await expect(commentBy(page, commenter.name)).toContainText(first);
    // The second instance's cache follows within a second (decision 021).
    await expect
      .poll(async () => (await (await page.request.get(SECOND_ORIGIN + post.path)).text()).includes(first))
      .toBe(true);

    const reader = await openReader(browser, SECOND_ORIGIN + post.path);
    const mine = commentBy(reader.page, commenter.name);
    await expect(mine).toContainText(first);

    // Edited through the first instance: the reader sees the new text without a click.
    await ownContent(commentBy(page, commenter.name)).getByRole("button", { name: "Edit" }).click();
    const edited = `Edited in place ${Date.now()}`;
    await page.getByLabel("Edit your comment").fill(edited);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(ownContent(mine)).toContainText(edited);

    await ownContent(commentBy(page, commenter.name)).getByRole("button", { name: "Delete" }).click();
    await page
      .getByRole("dialog", { name: "Delete this comment?" })
      .getByRole("button", { name: "Delete" })
      .click();
    await expect(ownContent(mine)).toContainText("This comment has been removed by the author.");
    await expect(ownContent(mine)).not.toContainText(edited);
    await expect(banner(reader.page)).toHaveCount(0);
    expect(reader.errors).toEqual([]);
    await reader.close();
  });

  test("after a dropped connection the stream resumes and shows each comment once", async ({
    page,
    browser,
    login,
    createPost,
  }) => {
    const post = await createPost({ comments: [{ body: "Before the cut." }] });
    const through = await relay();
    // A cut stream is reported by the browser as a failed request; nothing else may be.
    const reader = await openReader(browser, through.origin + post.path, /net::ERR_/);

    await login();
    await page.goto(post.path);
    const before = `Before the drop ${Date.now()}`;
    await publish(page, before);
    await expect(banner(reader.page)).toHaveText("1 new comment — show");

    through.cut();
    const during = `While disconnected ${Date.now()}`;
    await publish(page, during);
    // EventSource reconnects with the last id it got: the second arrives, the first not again.
    await expect(banner(reader.page)).toHaveText("2 new comments — show");
    expect(reader.streams.length).toBeGreaterThanOrEqual(2);

    await banner(reader.page).click();
    await expect(reader.page.getByText(before)).toHaveCount(1);
    await expect(reader.page.getByText(during)).toHaveCount(1);
    await expect(reader.page.getByRole("heading", { name: "3 comments:" })).toBeVisible();
    expect(reader.errors).toEqual([]);
    await reader.close();
    through.close();
  });
});
