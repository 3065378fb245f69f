import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimDueMails, outboxCounts, queueMail, type QueuedMail } from "@/lib/data/outbox";
import { db } from "@/lib/db";
import { startTestSmtpServer } from "@/tests/support/smtp-server";
import { composeMail } from "./compose";
import { createMailTransport } from "./transport";
import { createMailWorker, retryDelayMs, type MailWorkerOptions } from "./worker";

// The outbox against a real SMTP server (smtp-server on 127.0.0.1), never a mocked
// transport: what is counted is what the server received.
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(() => smtp.close());
beforeEach(async () => {
  await db.outboxMail.deleteMany();
  smtp.received.length = 0;
  smtp.attempts.length = 0;
  smtp.refuseNext(0);
});

const from = { name: "Test Blog", address: "blog@example.test" };
const smtpTransport = () =>
  createMailTransport({ smtpUrl: smtp.url, from, dir: "unused", messageIdHost: "example.test" });

function worker(options: Partial<MailWorkerOptions> = {}) {
  return createMailWorker({ db, transport: smtpTransport(), maxAttempts: 5, baseDelayMs: 40, ...options });
}

let counter = 0;
function mail(): QueuedMail {
  counter += 1;
  return {
    kind: "password-reset",
    to: `reader${counter}@example.test`,
    ...composeMail("Test Blog", { subject: `Mail ${counter}`, paragraphs: [`Body ${counter} <b>`] }),
  };
}

async function queue(count: number) {
  const rows = await db.$transaction(Array.from({ length: count }, () => queueMail(db, mail())));
  return rows.map((row) => row.id);
}

async function drain(...workers: ReturnType<typeof worker>[]) {
  for (let round = 0; round < 200; round++) {
    await Promise.all(workers.map((w) => w.runOnce()));
    if ((await db.outboxMail.count({ where: { status: "pending" } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the outbox did not drain");
}

describe("the outbox and its worker", () => {
  it("delivers a queued mail with a text and an escaped HTML part, from the blog", async () => {
    const [id] = await queue(1);
    expect(await worker().runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [received] = smtp.received;
    expect(received.to).toEqual([`reader${counter}@example.test`]);
    expect(received.messageId).toBe(`<${id}@example.test>`);
    expect(received.raw).toMatch(/^From: Test Blog <blog@example\.test>/m);
    expect(received.raw).toContain("Content-Type: text/plain");
    expect(received.raw).toContain("Content-Type: text/html");
    expect(received.raw).toContain("&lt;b&gt;");
    const row = await db.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "sent", attempts: 1, claimToken: null, lastError: null });
    expect(row.sentAt).not.toBeNull();
  });

  it("sends a mail's extra headers (List-Unsubscribe on notifications)", async () => {
    const url = "https://blog.example.test/api/unsubscribe/abc";
    await db.$transaction([
      queueMail(db, {
        ...mail(),
        headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      }),
    ]);
    expect(await worker().runOnce()).toMatchObject({ sent: 1 });
    expect(smtp.received[0].raw).toContain(`List-Unsubscribe: <${url}>`);
    expect(smtp.received[0].raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  });

  it("loses nothing when the process stops between queueing and sending", async () => {
    // Queued, and no worker ran (the process died); a worker started later sends it once.
    await queue(2);
    await drain(worker());
    expect(smtp.received).toHaveLength(2);
    await worker().runOnce();
    expect(smtp.received).toHaveLength(2);
  });

  it("takes back the mails of a worker that died holding them once its lease ran out", async () => {
    const [id] = await queue(1);
    const dead = await claimDueMails(db, { limit: 10, leaseMs: 60_000 });
    expect(dead.mails.map((m) => m.id)).toEqual([id]);
    // Within the lease nobody else may send it…
    expect(await worker().runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    // …after it, another worker does, once.
    const later = () => new Date(Date.now() + 61_000);
    expect(await worker({ now: later }).runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "sent",
      attempts: 2,
    });
  });

  it("never sends a mail twice when two workers run at once", async () => {
    const ids = await queue(40);
    await drain(worker({ batchSize: 3 }), worker({ batchSize: 3 }), worker({ batchSize: 5 }));
    expect(smtp.received).toHaveLength(40);
    expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(40);
    expect(await db.outboxMail.count({ where: { id: { in: ids }, status: "sent", attempts: 1 } })).toBe(40);
  });

  it("retries a refused mail with a growing wait, keeping the last error, then sends it", async () => {
    const [id] = await queue(1);
    smtp.refuseNext(2, 451);
    const w = worker({ baseDelayMs: 150 });
    expect(await w.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
    const afterFirst = await db.outboxMail.findUniqueOrThrow({ where: { id } });
    expect(afterFirst).toMatchObject({ status: "pending", attempts: 1, claimToken: null });
    expect(afterFirst.lastError).toMatch(/Try again later/);
    // Not due yet: nothing is attempted.
    expect(await w.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
    await drain(w);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.attempts).toHaveLength(3);
    const [first, second, third] = smtp.attempts;
    expect(second - first).toBeGreaterThanOrEqual(150 * 0.8);
    expect(third - second).toBeGreaterThanOrEqual(300 * 0.8);
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "sent",
      attempts: 3,
      lastError: expect.stringMatching(/Try again later/),
    });
  });

  it("gives up after the last attempt, and at once on a permanent refusal", async () => {
    const [retried] = await queue(1);
    smtp.refuseNext(3, 421);
    await drain(worker({ maxAttempts: 3, baseDelayMs: 5 }));
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: retried } })).toMatchObject({
      status: "failed",
      attempts: 3,
    });
    const [refused] = await queue(1);
    smtp.refuseNext(1, 550);
    expect(await worker().runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
    expect(await db.outboxMail.findUniqueOrThrow({ where: { id: refused } })).toMatchObject({
      status: "failed",
      attempts: 1,
    });
    expect(smtp.received).toHaveLength(0);
    expect(await outboxCounts(db)).toEqual({ failed: 2 });
  });

  it("retries when the SMTP server cannot be reached", async () => {
    const [id] = await queue(1);
    const unreachable = createMailTransport({
      smtpUrl: "smtp://127.0.0.1:1",
      from,
      dir: "unused",
      messageIdHost: "example.test",
    });
    expect(await createMailWorker({ db, transport: unreachable, maxAttempts: 5 }).runOnce()).toEqual({
      sent: 0,
      retried: 1,
      failed: 0,
    });
    expect((await db.outboxMail.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/ECONNREFUSED/);
  });

  it("writes mails to a folder as .eml files when no SMTP server is set", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "commonplace-mail-"));
    try {
      const written: string[] = [];
      const transport = createMailTransport({
        from,
        dir,
        messageIdHost: "example.test",
        onWritten: (file) => written.push(file),
      });
      const [id] = await queue(1);
      await createMailWorker({ db, transport, maxAttempts: 5 }).runOnce();
      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(new RegExp(`${id}\\.eml$`));
      expect(written).toEqual([path.join(dir, files[0])]);
      const eml = await readFile(path.join(dir, files[0]), "utf8");
      expect(eml).toMatch(/^Subject: Mail \d+ · Test Blog|^Subject: =\?UTF-8\?/m);
      expect(eml).toContain(`reader${counter}@example.test`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("doubles the wait between attempts up to a ceiling", () => {
    const half = () => 0.5;
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 30_000, 600_000, half))).toEqual([
      30_000, 60_000, 120_000, 240_000, 600_000,
    ]);
    expect(retryDelayMs(1, 1000, 10_000, () => 0)).toBe(800);
    expect(retryDelayMs(1, 1000, 10_000, () => 1)).toBe(1200);
  });

  it("keeps the worker loop going and stops it cleanly", async () => {
    const w = worker({ intervalMs: 20 });
    w.start();
    await queue(3);
    w.wake();
    for (let i = 0; i < 100 && smtp.received.length < 3; i++) await new Promise((r) => setTimeout(r, 20));
    await w.stop();
    expect(smtp.received).toHaveLength(3);
    await queue(1);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.received).toHaveLength(3);
  });
});
