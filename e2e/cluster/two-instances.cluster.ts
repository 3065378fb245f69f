/**
 * Two instances of one build behind nginx on one PostgreSQL (npm run cluster:demo), and a
 * browser that talks only to nginx. Every answer names the instance that produced it
 * (X-Instance, server.mjs), so the tests can say where each request went. The last test
 * kills an instance: it must stay last. Run with `npm run test:e2e:cluster`.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { readClusterState, type ClusterState } from "../../scripts/lib/cluster-state.mjs";
import { createDbClient } from "../../lib/db/client";
import {
  commentBy,
  expect,
  newPerson,
  ownContent,
  signIn,
  signInThroughApi,
  signUp,
  test,
} from "../fixtures";
import { createPost, createUser, type TestPost } from "../support/factories";

type Served = { instance: string; method: string; path: string; cache: string | undefined };

/** Records every answer a browser context receives, with the instance behind it. */
function watch(context: BrowserContext, served: Served[]) {
  context.on("response", (response) => {
    const instance = response.headers()["x-instance"];
    if (!instance) return;
    served.push({
      instance,
      method: response.request().method(),
      path: new URL(response.url()).pathname,
      cache: response.headers()["x-cache-status"],
    });
  });
}

const clusterTest = test.extend<
  Record<never, never>,
  { cluster: ClusterState; clusterDb: ReturnType<typeof createDbClient> }
>({
  cluster: [async ({}, provide) => provide(readClusterState()), { scope: "worker" }],
  // The factories write to the cluster's PostgreSQL database, not the main suite's SQLite.
  clusterDb: [
    async ({ cluster }, provide) => {
      const db = createDbClient(cluster.databaseUrl);
      await provide(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
});

/** The server action POSTs of the page: replies, deletes and sign-ups post to the page's URL. */
function actionResponse(page: Page, path: string) {
  return page.waitForResponse(
    (response) => response.request().method() === "POST" && new URL(response.url()).pathname === path,
  );
}

async function publishReply(page: Page, post: TestPost, to: { authorName: string }, text: string) {
  const target = commentBy(page, to.authorName);
  await ownContent(target).getByRole("button", { name: "Reply" }).click();
  await target.getByLabel("Comment", { exact: true }).fill(text);
  const answered = actionResponse(page, post.path);
  await target.getByRole("button", { name: "Publish" }).click();
  const response = await answered;
  expect(response.status()).toBe(200);
  await expect(ownContent(target.getByRole("listitem").filter({ hasText: text }))).toContainText(text);
  return response.headers()["x-instance"];
}

clusterTest.describe("two instances behind nginx", () => {
  clusterTest(
    "requests alternate; sign-up, reply and delete work whichever instance serves them",
    async ({ page, browser, request, cluster, clusterDb }) => {
      const served: Served[] = [];
      watch(page.context(), served);
      const names = cluster.instances.map((instance) => instance.name);

      // Round-robin: consecutive requests from one reader land on alternating instances.
      const sequence: string[] = [];
      for (let i = 0; i < 6; i++) {
        const response = await request.get("/api/health/live");
        expect(response.status()).toBe(200);
        sequence.push(response.headers()["x-instance"]);
      }
      expect(new Set(sequence)).toEqual(new Set(names));
      for (let i = 1; i < sequence.length; i++) expect(sequence[i]).not.toBe(sequence[i - 1]);

      const post = await createPost(clusterDb, {
        comments: [{ body: "The first word." }, { body: "The second word." }],
      });
      const person = newPerson("cluster");
      await signUp(page, person, post.path);
      const reply = `A reply through nginx, ${person.name}.`;
      await publishReply(page, post, post.comments[1], reply);

      // A moderator in a browser of their own deletes it.
      const moderator = await createUser(clusterDb, { role: "moderator" });
      const moderatorContext = await browser.newContext();
      watch(moderatorContext, served);
      const moderatorPage = await moderatorContext.newPage();
      await signIn(moderatorPage, moderator, post.path);
      const replyItem = commentBy(moderatorPage, person.name);
      await expect(replyItem).toContainText(reply);
      await ownContent(replyItem).getByRole("button", { name: "Delete" }).click();
      const deleted = actionResponse(moderatorPage, post.path);
      await moderatorPage
        .getByRole("dialog", { name: "Delete this comment?" })
        .getByRole("button", { name: "Delete" })
        .click();
      expect((await deleted).status()).toBe(200);
      await expect(commentBy(moderatorPage, person.name)).toHaveCount(0);
      await moderatorContext.close();

      // The reader who wrote it, on whichever instance serves the reload, sees it gone.
      await page.reload();
      await expect(page.getByRole("heading", { name: "2 comments:" })).toBeVisible();
      await expect(page.getByText(reply)).toHaveCount(0);

      // Everything the signed-in readers asked for went past nginx's cache to an
      // instance; both instances served their sessions, pages and actions.
      const upstream = served.filter(
        (answer) => answer.cache !== "HIT" && !answer.path.startsWith("/_next/"),
      );
      const byInstance = Object.fromEntries(
        names.map((name) => [name, upstream.filter((answer) => answer.instance === name).length]),
      );
      console.log(`requests served per instance: ${JSON.stringify(byInstance)}`);
      for (const name of names) expect(byInstance[name]).toBeGreaterThan(0);
      const posts = upstream.filter((answer) => answer.method === "POST");
      console.log(`POSTs: ${posts.map((answer) => `${answer.path} → ${answer.instance}`).join(", ")}`);
    },
  );

  clusterTest(
    "a reply through one instance is visible to a reader served by the other within 1 s",
    async ({ page, request, cluster, clusterDb }) => {
      const REPLY = "After the reply, at once.";
      const post = await createPost(clusterDb, { comments: [{ body: "Before the reply." }] });
      // Both instances have the page cached before the reply (Next's cache and the page
      // cache), as a busy post would: otherwise the other instance renders it afresh.
      for (const { port } of cluster.instances)
        for (let i = 0; i < 2; i++) {
          const response = await fetch(`http://127.0.0.1:${port}${post.path}`);
          expect(response.status).toBe(200);
          expect(await response.text()).not.toContain(REPLY);
        }
      // And nginx has its one-second copy of it.
      expect((await request.get(post.path)).status()).toBe(200);

      const user = await createUser(clusterDb);
      await signInThroughApi(page.request, user);
      await page.goto(post.path);
      const writer = await publishReply(page, post, post.comments[0], REPLY);
      const repliedAt = Date.now();
      const other = cluster.instances.find((instance) => instance.name !== writer)!.name;

      // Anonymous readers through nginx, from the moment the reply is acknowledged. One
      // asks with a new query string each time, which gets past nginx's one-second copy
      // (the instances ignore it): each request reaches an instance, alternately.
      const toOther = (async () => {
        let firstSeenMs: number | null = null;
        let staleAfterSeen = 0;
        for (let n = 0; Date.now() - repliedAt < 3000; n++) {
          const response = await request.get(`${post.path}?reader=${repliedAt}-${n}`);
          const shows = (await response.text()).includes(REPLY);
          if (response.headers()["x-instance"] !== other) continue;
          if (shows) firstSeenMs ??= Date.now() - repliedAt;
          else if (firstSeenMs !== null) staleAfterSeen++;
          if (firstSeenMs !== null && Date.now() - repliedAt > 1500) break;
        }
        return { firstSeenMs, staleAfterSeen };
      })();
      // The other asks for the plain address, as browsers do: nginx's copy comes on top.
      const plain = (async () => {
        while (Date.now() - repliedAt < 5000) {
          if ((await (await request.get(post.path)).text()).includes(REPLY)) return Date.now() - repliedAt;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return null;
      })();
      const [byOther, plainMs] = await Promise.all([toOther, plain]);
      console.log(
        `instance ${other} showed instance ${writer}'s reply after ${byOther.firstSeenMs} ms; the plain address through nginx after ${plainMs} ms`,
      );
      expect(byOther.firstSeenMs, `instance ${other} did not show the reply within 3 s`).not.toBeNull();
      expect(byOther.firstSeenMs!).toBeLessThanOrEqual(1000);
      expect(byOther.staleAfterSeen).toBe(0);
      // nginx keeps a page for a second (docs/nginx/commonplace.conf), then asks an instance.
      expect(plainMs, "the plain address did not show the reply within 5 s").not.toBeNull();
      expect(plainMs!).toBeLessThanOrEqual(2000);
    },
  );

  clusterTest(
    "a reader's live thread streams through nginx: a reply shows up as the banner, unbuffered",
    async ({ page, browser, clusterDb }) => {
      const post = await createPost(clusterDb, { comments: [{ body: "Anyone there?" }] });
      // An anonymous reader; its stream is a long response through nginx to one instance.
      const readerContext = await browser.newContext();
      const reader = await readerContext.newPage();
      const opened = reader.waitForResponse((response) => /\/api\/posts\/\d+\/live/.test(response.url()));
      await reader.goto(post.path);
      const stream = await opened;
      expect(stream.status()).toBe(200);
      expect(stream.headers()["content-type"]).toContain("text/event-stream");

      const user = await createUser(clusterDb);
      await signInThroughApi(page.request, user);
      await page.goto(post.path);
      await publishReply(page, post, post.comments[0], "Here, through whichever instance.");
      // Held back by nginx's buffering, the event would only arrive when the stream ends.
      await expect(reader.getByRole("button", { name: /new comments? — show$/ })).toHaveText(
        "1 new comment — show",
        { timeout: 10_000 },
      );
      await readerContext.close();
    },
  );

  // Kills an instance: keep this test last.
  clusterTest(
    "an instance killed mid-run: readers and writers carry on through nginx",
    async ({ page, request, cluster, clusterDb, consoleErrors }) => {
      const post = await createPost(clusterDb, { comments: [{ body: "Still here?" }] });
      const user = await createUser(clusterDb);
      await signInThroughApi(page.request, user);
      await page.goto(post.path);

      // Anonymous readers, one request after another, before, during and after the kill.
      const reads: { status: number; instance: string | undefined; sentAt: number }[] = [];
      let reading = true;
      const readers = (async () => {
        for (let n = 0; reading; n++) {
          // Alternately a page past nginx's cache (it reaches an instance) and a health probe.
          const path = n % 2 ? `${post.path}?reader=${n}` : "/api/health";
          const sentAt = Date.now();
          const response = await request.get(path);
          reads.push({ status: response.status(), instance: response.headers()["x-instance"], sentAt });
        }
      })();

      await expect.poll(() => reads.length).toBeGreaterThan(10);
      const victim = cluster.instances[cluster.instances.length - 1];
      const survivor = cluster.instances[0].name;
      process.kill(victim.pid, "SIGKILL");
      const killedAt = Date.now();
      await expect.poll(() => isRunning(victim.pid)).toBe(false);

      // A writer posts through nginx while the readers go on.
      const writer = await publishReply(page, post, post.comments[0], "Posted after the crash.");
      expect(writer).toBe(survivor);
      await expect.poll(() => reads.filter((read) => read.sentAt > killedAt).length).toBeGreaterThan(20);
      reading = false;
      await readers;

      await page.reload();
      await expect(commentBy(page, user.name)).toContainText("Posted after the crash.");

      const failed = reads.filter((read) => read.status !== 200);
      const afterKill = reads.filter((read) => read.sentAt > killedAt);
      console.log(
        `${reads.length} reads, ${afterKill.length} after the kill, ${failed.length} not 200; reply served by ${writer}`,
      );
      expect(failed).toEqual([]);
      expect(new Set(afterKill.map((read) => read.instance))).toEqual(new Set([survivor]));
      // The page's live-thread stream may have been held by the killed instance: the browser
      // reports that response cut short (EventSource then reconnects to the survivor).
      const cut = consoleErrors.filter((error) => /ERR_INCOMPLETE_CHUNKED_ENCODING/.test(error));
      expect(cut.length).toBeLessThanOrEqual(1);
      consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((error) => !cut.includes(error)));
    },
  );
});

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
