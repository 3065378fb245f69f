import { beforeEach, describe, expect, it } from "vitest";
import { createWebhook } from "@/lib/data/webhooks";
import { db } from "@/lib/db";
import { URL_MAX } from "@/lib/validations/webhook";
import { MAX_WEBHOOKS } from "@/lib/webhooks/events";
import { formData, runAction } from "@/tests/support/actions";
import { createUser } from "@/tests/support/factories";
import { signInAs } from "@/tests/support/session";
import {
  createWebhookAction,
  deleteWebhookAction,
  sendTestWebhookAction,
  updateWebhookAction,
} from "./actions";

// The tests' environment leaves WEBHOOKS_ALLOW_PRIVATE off: what an operator gets by default.
const add = (fields: Record<string, string>) =>
  runAction(() => createWebhookAction({ status: "idle" }, formData({ "comment.created": "on", ...fields })));

beforeEach(async () => {
  await db.webhook.deleteMany();
  signInAs((await createUser({ role: "admin" })).id);
});

describe("the webhook actions", () => {
  it("adds a webhook on a public address, with the events chosen and a fresh secret", async () => {
    const answer = await add({ url: "https://93.184.215.14/in?x=1", "post.published": "on" });
    expect(answer).toMatchObject({
      status: "redirect",
      redirectTo: expect.stringMatching(/^\/admin\/webhooks\/\w+\?notice=created$/),
    });
    const row = await db.webhook.findFirstOrThrow();
    expect(row).toMatchObject({
      url: "https://93.184.215.14/in?x=1",
      events: "comment.created,post.published",
      enabled: true,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9_-]{43}$/),
    });
  });

  it.each([
    ["http://93.184.215.14/in", /must start with https:\/\//],
    ["https://127.0.0.1/in", /loopback/],
    ["https://[::ffff:10.0.0.1]/", /IPv4-mapped/],
    ["https://169.254.169.254/latest", /link-local/],
    ["https://user:secret@93.184.215.14/", /user name or password/],
    ["ftp://93.184.215.14/", /must start with https:\/\//],
    ["hooks", /full URL/],
    ["", /Enter the URL/],
    [`https://93.184.215.14/${"a".repeat(URL_MAX)}`, /At most 2000 characters/],
  ])("refuses %s, keeping what was typed", async (url, message) => {
    const answer = await add({ url });
    expect(answer).toMatchObject({ status: "error", fieldErrors: { url: expect.stringMatching(message) } });
    expect(answer).toMatchObject({ values: { url } });
    expect(await db.webhook.count()).toBe(0);
  });

  it("refuses a webhook with no event", async () => {
    const answer = await runAction(() =>
      createWebhookAction({ status: "idle" }, formData({ url: "https://93.184.215.14/in" })),
    );
    expect(answer).toMatchObject({
      status: "error",
      fieldErrors: { "comment.created": "Choose at least one event." },
    });
  });

  it(`keeps at most ${MAX_WEBHOOKS} webhooks`, async () => {
    for (let i = 0; i < MAX_WEBHOOKS; i++)
      await createWebhook({ url: `https://93.184.215.14/${i}`, events: ["comment.created"] });
    expect(await add({ url: "https://93.184.215.14/one-more" })).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/At most 20 webhooks/),
    });
    expect(await db.webhook.count()).toBe(MAX_WEBHOOKS);
  });

  it("changes events and turns off, queues a test only while on, and deletes with the log", async () => {
    const created = await createWebhook({ url: "https://93.184.215.14/in", events: ["comment.created"] });
    if (!created.ok) throw new Error("no webhook");
    const webhookId = created.id;
    expect(await runAction(() => sendTestWebhookAction(formData({ webhookId })))).toMatchObject({
      redirectTo: `/admin/webhooks/${webhookId}?notice=test-queued`,
    });
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { webhookId } })).toMatchObject({
      event: "ping",
      eventId: null,
      status: "pending",
    });
    expect(
      await runAction(() =>
        updateWebhookAction(
          { status: "idle" },
          formData({ webhookId, "comment.deleted": "on", "comment.held": "on" }),
        ),
      ),
    ).toMatchObject({ redirectTo: `/admin/webhooks/${webhookId}?notice=saved` });
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({
      events: "comment.deleted,comment.held",
      enabled: false,
    });
    expect(await runAction(() => sendTestWebhookAction(formData({ webhookId })))).toMatchObject({
      redirectTo: `/admin/webhooks/${webhookId}?notice=disabled`,
    });
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(1);
    expect(await runAction(() => deleteWebhookAction(formData({ webhookId })))).toMatchObject({
      redirectTo: "/admin/webhooks?notice=deleted",
    });
    expect(await db.webhookDelivery.count({ where: { webhookId } })).toBe(0);
    expect(await runAction(() => deleteWebhookAction(formData({ webhookId })))).toMatchObject({
      redirectTo: "/admin/webhooks?notice=not-found",
    });
  });
});
