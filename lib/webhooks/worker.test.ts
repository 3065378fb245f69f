import { createHmac } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWebhook, getWebhook, queuePing } from "@/lib/data/webhooks";
import { db } from "@/lib/db";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";
import { EXCERPT_MAX } from "./post";
import { createWebhookWorker, type WebhookWorkerOptions } from "./worker";

// Deliveries to a real HTTP server on 127.0.0.1 started here (WEBHOOKS_ALLOW_PRIVATE's
// case), never a mocked client: what is counted is what the server received.
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  await db.webhook.deleteMany();
  receiver.received.length = 0;
  receiver.answer(() => ({ status: 200, body: "ok" }));
});

function worker(options: Partial<WebhookWorkerOptions> = {}) {
  return createWebhookWorker({ db, allowPrivate: true, maxAttempts: 5, baseDelayMs: 40, ...options });
}

async function hook(path = "/hook") {
  const created = await createWebhook({ url: `${receiver.url}${path}`, events: ["comment.created"] });
  if (!created.ok) throw new Error("no webhook");
  return (await getWebhook(created.id))!;
}

async function ping(webhookId: string) {
  const queued = await queuePing(webhookId);
  if (!queued.ok) throw new Error(queued.reason);
  return queued.deliveryId;
}

async function drain(...workers: ReturnType<typeof worker>[]) {
  for (let round = 0; round < 300; round++) {
    await Promise.all(workers.map((w) => w.runOnce()));
    if ((await db.webhookDelivery.count({ where: { status: "pending" } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the deliveries did not drain");
}

const delivery = (id: string) => db.webhookDelivery.findUniqueOrThrow({ where: { id } });

describe("webhook deliveries", () => {
  it("POSTs the stored JSON with its event, its id and a signature over the timestamp and body", async () => {
    const webhook = await hook();
    const id = await ping(webhook.id);
    expect(await worker().runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(request.path).toBe("/hook");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["commonplace-event"]).toBe("ping");
    expect(request.headers["commonplace-delivery"]).toBe(id);
    const body = JSON.parse(request.body);
    expect(body).toMatchObject({ id, type: "ping", data: { webhookId: webhook.id } });
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request.headers["commonplace-signature"]))!;
    expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(5);
    expect(v1).toBe(createHmac("sha256", webhook.secret).update(`${t}.${request.body}`).digest("hex"));
    expect(await delivery(id)).toMatchObject({
      status: "delivered",
      attempts: 1,
      responseStatus: 200,
      responseExcerpt: "ok",
      claimToken: null,
      lastError: null,
    });
  });

  it("retries after a 500 with a growing wait, then delivers, keeping what failed", async () => {
    const webhook = await hook();
    const id = await ping(webhook.id);
    let calls = 0;
    receiver.answer(() => (++calls <= 2 ? { status: 500, body: "x".repeat(5000) } : { status: 204 }));
    const w = worker({ baseDelayMs: 150 });
    expect(await w.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const afterFirst = await delivery(id);
    expect(afterFirst).toMatchObject({
      status: "pending",
      attempts: 1,
      responseStatus: 500,
      lastError: "HTTP 500",
    });
    expect(afterFirst.responseExcerpt).toHaveLength(EXCERPT_MAX);
    // Not due yet.
    expect(await w.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    await drain(w);
    const [first, second, third] = receiver.received.map((request) => request.at);
    expect(second - first).toBeGreaterThanOrEqual(150 * 0.8);
    expect(third - second).toBeGreaterThanOrEqual(300 * 0.8);
    // The same bytes each time; only the signature's timestamp may change.
    expect(new Set(receiver.received.map((request) => request.body)).size).toBe(1);
    expect(await delivery(id)).toMatchObject({
      status: "delivered",
      attempts: 3,
      responseStatus: 204,
      responseExcerpt: "",
      lastError: "HTTP 500",
    });
  });

  it("gives up after the last attempt", async () => {
    const webhook = await hook();
    const id = await ping(webhook.id);
    receiver.answer(() => ({ status: 503 }));
    await drain(worker({ maxAttempts: 3, baseDelayMs: 5 }));
    expect(receiver.received).toHaveLength(3);
    expect(await delivery(id)).toMatchObject({ status: "failed", attempts: 3, responseStatus: 503 });
  });

  it("never delivers twice when two workers run at once", async () => {
    const webhook = await hook();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await ping(webhook.id));
    await drain(worker({ batchSize: 3 }), worker({ batchSize: 4 }));
    expect(receiver.received).toHaveLength(30);
    expect(new Set(receiver.received.map((request) => request.headers["commonplace-delivery"]))).toEqual(
      new Set(ids),
    );
    expect(await db.webhookDelivery.count({ where: { status: "delivered", attempts: 1 } })).toBe(30);
  });

  it("gives up on an attempt that gets no answer within the timeout, and tries again", async () => {
    const webhook = await hook();
    const id = await ping(webhook.id);
    receiver.answer(() => "hang");
    const started = Date.now();
    expect(await worker({ timeoutMs: 300 }).runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await delivery(id)).toMatchObject({
      status: "pending",
      responseStatus: null,
      lastError: "no answer within 0.3 s",
    });
  });

  it("follows no redirect: a 3xx is a failed attempt", async () => {
    const webhook = await hook();
    const id = await ping(webhook.id);
    receiver.answer((request) =>
      request.path === "/hook" ? { status: 302, headers: { Location: "/elsewhere" } } : { status: 200 },
    );
    await worker().runOnce();
    expect(receiver.received.map((request) => request.path)).toEqual(["/hook"]);
    expect(await delivery(id)).toMatchObject({ status: "pending", responseStatus: 302 });
  });

  it("refuses at delivery time a target that is private, without connecting, and gives up at once", async () => {
    const webhook = await hook();
    const id = await ping(webhook.id);
    expect(await worker({ allowPrivate: false }).runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(receiver.received).toHaveLength(0);
    expect((await delivery(id)).lastError).toMatch(/^Refused: the URL must start with https:\/\//);
  });

  it("connects to the address it checked, not to what the name resolves to later", async () => {
    // The name first resolves to the receiver; a second lookup would say a private
    // address the policy refuses. One lookup happens, and the connection uses its answer.
    const created = await createWebhook({
      url: `${receiver.url.replace("127.0.0.1", "receiver.test")}/pinned`,
      events: ["comment.created"],
    });
    if (!created.ok) throw new Error("no webhook");
    const id = await ping(created.id);
    const lookups: string[] = [];
    const resolve = async (name: string) => {
      lookups.push(name);
      return [{ address: lookups.length === 1 ? "127.0.0.1" : "10.9.9.9", family: 4 as const }];
    };
    expect(await worker({ resolve }).runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(lookups).toEqual(["receiver.test"]);
    expect(receiver.received[0]).toMatchObject({ path: "/pinned" });
    expect(receiver.received[0].headers.host).toMatch(/^receiver\.test:/);
    expect(await delivery(id)).toMatchObject({ status: "delivered" });
  });

  it("gives up a delivery whose webhook was turned off", async () => {
    const webhook = await hook();
    const id = await ping(webhook.id);
    await db.webhook.update({ where: { id: webhook.id }, data: { enabled: false } });
    await worker().runOnce();
    expect(receiver.received).toHaveLength(0);
    expect(await delivery(id)).toMatchObject({ status: "failed", lastError: "The webhook is turned off." });
    expect(await queuePing(webhook.id)).toEqual({ ok: false, reason: "disabled" });
  });
});
