import type { APIRequestContext } from "@playwright/test";
import { commentBy, expect, expireReaderCache, test } from "./fixtures";

// docs/decisions/021: the suite's server runs as two processes on one build and one
// database (scripts/e2e-server.mjs), as behind a load balancer. A change made through the
// first reaches the second's cached pages within a second, through the shared expiry log.
const SECOND_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210) + 1}`;
const WITHIN_MS = 1000;

/** Reads `path` from the second instance until `visible` holds; returns how long that took. */
async function timeUntil(second: APIRequestContext, path: string, visible: (html: string) => boolean) {
  const started = Date.now();
  for (;;) {
    const html = await (await second.get(path)).text();
    const elapsed = Date.now() - started;
    if (visible(html) || elapsed > 5 * WITHIN_MS) return elapsed;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Reads `path` twice: the second answer comes from the page cache of the second instance. */
async function cachedOnSecond(second: APIRequestContext, path: string) {
  await second.get(path);
  const response = await second.get(path);
  expect(response.headers()["x-page-cache"]).toBe("HIT");
  return response.text();
}

test.describe("two server processes", () => {
  test("a reply made through one is on the other's cached page within a second", async ({
    page,
    playwright,
    login,
    createPost,
  }) => {
    const post = await createPost({ comments: [{ body: "Already here." }] });
    const second = await playwright.request.newContext({ baseURL: SECOND_ORIGIN });
    const reply = `Seen everywhere ${Date.now()}`;
    expect(await cachedOnSecond(second, post.path)).not.toContain(reply);

    const commenter = await login();
    await page.goto(post.path);
    await page.getByLabel("Comment", { exact: true }).fill(reply);
    await page.getByRole("button", { name: "Publish" }).click();
    await expect(commentBy(page, commenter.name)).toContainText(reply);

    const elapsed = await timeUntil(second, post.path, (html) => html.includes(reply));
    test
      .info()
      .annotations.push({ type: "reply visible on the second instance after", description: `${elapsed} ms` });
    expect(elapsed).toBeLessThan(WITHIN_MS);
    // And it is cached there again, now with the reply.
    expect(await cachedOnSecond(second, post.path)).toContain(reply);
    await second.dispose();
  });

  test("an expiry asked of one (npm run cache:expire) empties the other's caches too", async ({
    request,
    playwright,
    db,
    createPost,
  }) => {
    const post = await createPost({ title: `Before the edit ${Date.now()}` });
    const second = await playwright.request.newContext({ baseURL: SECOND_ORIGIN });
    expect(await cachedOnSecond(second, post.path)).toContain(post.title);

    // Changed outside the app, as an operator's restore or hand edit does.
    const edited = `After the edit ${Date.now()}`;
    await db.post.update({ where: { id: post.id }, data: { title: edited } });
    await expireReaderCache(request);

    const elapsed = await timeUntil(second, post.path, (html) => html.includes(edited));
    test
      .info()
      .annotations.push({ type: "edit visible on the second instance after", description: `${elapsed} ms` });
    expect(elapsed).toBeLessThan(WITHIN_MS);
    expect(await cachedOnSecond(second, post.path)).toContain(edited);
    await second.dispose();
  });
});
