import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWebhook, getWebhook, queuePing } from "@/lib/data/webhooks";
import { db } from "@/lib/db";
import { startWebhookReceiver } from "@/tests/support/webhook-receiver";
import { readmeVerifier, type VerifySignature } from "@/tests/support/webhook-recipe";
import { signatureHeader } from "./signature";
import { createWebhookWorker } from "./worker";

// The README's verification recipe, run as printed, against deliveries a real receiver got.
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let verify: VerifySignature;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  verify = await readmeVerifier();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  await db.webhook.deleteMany();
  receiver.received.length = 0;
});

describe("the README's signature recipe", () => {
  it("accepts real deliveries and refuses them changed, with another secret, or too old", async () => {
    const created = await createWebhook({ url: `${receiver.url}/in`, events: ["post.published"] });
    if (!created.ok) throw new Error("no webhook");
    const { secret } = (await getWebhook(created.id))!;
    await queuePing(created.id);
    await queuePing(created.id);
    await createWebhookWorker({ db, allowPrivate: true, maxAttempts: 1 }).runOnce();
    expect(receiver.received).toHaveLength(2);
    for (const { headers, body } of receiver.received) {
      const header = String(headers["commonplace-signature"]);
      expect(verify(secret, header, body)).toBe(true);
      expect(verify(secret, header, Buffer.from(body))).toBe(true);
      expect(verify(secret, header, body.replace("ping", "pong"))).toBe(false);
      expect(verify(`${secret}x`, header, body)).toBe(false);
      const flipped = header.replace(/v1=(.)/, (_, c: string) => `v1=${c === "0" ? "1" : "0"}`);
      expect(verify(secret, flipped, body)).toBe(false);
      expect(verify(secret, "garbage", body)).toBe(false);
    }
    const body = receiver.received[0].body;
    const now = Math.floor(Date.now() / 1000);
    expect(verify(secret, signatureHeader(secret, body, now - 290), body)).toBe(true);
    expect(verify(secret, signatureHeader(secret, body, now - 310), body)).toBe(false);
    expect(verify(secret, signatureHeader(secret, body, now + 310), body)).toBe(false);
  });
});
