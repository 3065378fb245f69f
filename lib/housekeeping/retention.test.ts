import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDbClient } from "@/lib/db/client";
import {
  DELIVERIES_KEPT_PER_WEBHOOK,
  eventsPrunedThrough,
  pruneDeliveries,
  pruneEvents,
  pruneMails,
  pruneTokens,
} from "@/lib/housekeeping/retention";
import { claimHousekeeping, housekeepIfDue, runHousekeeping } from "@/lib/housekeeping/run";
import { createHousekeepingWorker } from "@/lib/housekeeping/worker";
import { createUser } from "@/tests/support/factories";

const NOW = new Date("2026-12-07T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60_000);
const RULES = { mailKeepDays: 30, webhooksKeepDays: 30, eventsKeepDays: 7 };

beforeEach(async () => {
  await db.outboxMail.deleteMany();
  await db.webhook.deleteMany();
  await db.siteEvent.deleteMany();
  await db.eventCursor.deleteMany();
  await db.housekeeping.deleteMany();
});

async function mail(status: string, createdAt: Date, sentAt: Date | null = null) {
  const row = await db.outboxMail.create({
    data: {
      kind: "password-reset",
      to: "a@example.test",
      subject: "s",
      text: "t",
      html: "h",
      status,
      createdAt,
      sentAt,
    },
  });
  return row.id;
}

const remaining = async (ids: string[]) =>
  (await db.outboxMail.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id);

describe("housekeeping's retention rules", () => {
  it("deletes sent mails older than MAIL_KEEP_DAYS and failed ones older than 90 days, nothing else", async () => {
    const gone = [await mail("sent", daysAgo(40), daysAgo(31)), await mail("failed", daysAgo(91))];
    const kept = [
      await mail("sent", daysAgo(40), daysAgo(29)),
      await mail("failed", daysAgo(89)),
      // Pending, however old: still to be tried.
      await mail("pending", daysAgo(400)),
    ];
    const result = await pruneMails(db, 30, NOW);
    expect(result).toEqual({
      sentMails: { deleted: 1, more: false },
      failedMails: { deleted: 1, more: false },
    });
    expect((await remaining([...gone, ...kept])).sort()).toEqual([...kept].sort());
  });

  it("deletes in batches and stops between them when asked", async () => {
    const ids = [];
    for (let i = 0; i < 25; i++) ids.push(await mail("sent", daysAgo(60), daysAgo(60)));
    let batches = 0;
    const stopAfterTwo = { batchSize: 10, pauseMs: 1, shouldStop: () => batches++ >= 2 };
    const first = await pruneMails(db, 30, NOW, stopAfterTwo);
    expect(first.sentMails).toEqual({ deleted: 20, more: true });
    expect(await remaining(ids)).toHaveLength(5);
    const rest = await pruneMails(db, 30, NOW, { batchSize: 10, pauseMs: 1 });
    expect(rest.sentMails).toEqual({ deleted: 5, more: false });
    expect(await remaining(ids)).toEqual([]);
  });

  it("deletes old delivered and given-up deliveries but keeps each webhook's newest 50 and every pending one", async () => {
    const busy = await db.webhook.create({
      data: { url: "https://a.example/", secret: "s", events: "ping" },
    });
    const quiet = await db.webhook.create({
      data: { url: "https://b.example/", secret: "s", events: "ping" },
    });
    const delivery = (webhookId: string, status: string, createdAt: Date) =>
      db.webhookDelivery.create({
        data: {
          webhookId,
          event: "ping",
          body: "{}",
          status,
          createdAt,
          deliveredAt: status === "delivered" ? createdAt : null,
        },
      });
    const oldDelivered = await delivery(busy.id, "delivered", daysAgo(31));
    const oldFailed = await delivery(busy.id, "failed", daysAgo(91));
    const youngFailed = await delivery(busy.id, "failed", daysAgo(60));
    const oldPending = await delivery(busy.id, "pending", daysAgo(200));
    for (let i = 0; i < DELIVERIES_KEPT_PER_WEBHOOK; i++) await delivery(busy.id, "delivered", daysAgo(1));
    // The quiet webhook's only deliveries are old: they are its log, and stay.
    const quietOld = await delivery(quiet.id, "delivered", daysAgo(100));

    const result = await pruneDeliveries(db, 30, NOW);
    expect(result.deliveredDeliveries.deleted).toBe(1);
    expect(result.failedDeliveries.deleted).toBe(1);
    const left = new Set((await db.webhookDelivery.findMany({ select: { id: true } })).map((row) => row.id));
    expect(left.has(oldDelivered.id)).toBe(false);
    expect(left.has(oldFailed.id)).toBe(false);
    expect([youngFailed.id, oldPending.id, quietOld.id].every((id) => left.has(id))).toBe(true);
    expect(left.size).toBe(DELIVERIES_KEPT_PER_WEBHOOK + 3);
  });

  it("deletes reset and verification links used or expired more than 7 days ago, never a valid one", async () => {
    const user = await createUser();
    const tokens: Record<string, { usedAt: Date | null; expiresAt: Date; createdAt: Date }> = {
      usedLongAgo: { usedAt: daysAgo(8), expiresAt: daysAgo(7.9), createdAt: daysAgo(8) },
      expiredLongAgo: { usedAt: null, expiresAt: daysAgo(8), createdAt: daysAgo(9) },
      usedRecently: { usedAt: daysAgo(6), expiresAt: daysAgo(5.9), createdAt: daysAgo(6) },
      expiredRecently: { usedAt: null, expiresAt: daysAgo(6), createdAt: daysAgo(7) },
      // An unused link that still works, made long ago (a long-lived link, a clock change).
      stillValid: { usedAt: null, expiresAt: daysAgo(-1), createdAt: daysAgo(30) },
    };
    for (const [name, row] of Object.entries(tokens)) {
      await db.passwordReset.create({
        data: { userId: user.id, tokenHash: `reset-${name}-${user.id}`, ...row },
      });
      await db.emailVerification.create({
        data: {
          userId: user.id,
          tokenHash: `verify-${name}-${user.id}`,
          purpose: "verify",
          email: user.email,
          ...row,
        },
      });
    }
    const result = await pruneTokens(db, NOW);
    expect(result.passwordResets.deleted).toBe(2);
    expect(result.emailVerifications.deleted).toBe(2);
    const left = (await db.passwordReset.findMany({ where: { userId: user.id } })).map(
      (row) => row.tokenHash,
    );
    expect(left.sort()).toEqual(
      ["usedRecently", "expiredRecently", "stillValid"].map((name) => `reset-${name}-${user.id}`).sort(),
    );
    expect(await db.emailVerification.count({ where: { userId: user.id } })).toBe(3);
  });
});

describe("pruning the event log", () => {
  async function events(count: number, createdAt: Date): Promise<number[]> {
    const ids = [];
    for (let i = 0; i < count; i++)
      ids.push((await db.siteEvent.create({ data: { kind: "comment.created", postId: 1, createdAt } })).id);
    return ids;
  }
  const eventIds = async () => (await db.siteEvent.findMany({ orderBy: { id: "asc" } })).map((row) => row.id);

  it("deletes nothing while no consumer has a cursor", async () => {
    await events(3, daysAgo(30));
    expect(await pruneEvents(db, 7, NOW)).toEqual({ deleted: 0, more: false, heldBy: null });
    expect(await eventIds()).toHaveLength(3);
  });

  it("deletes old events every consumer has handled, and nothing a consumer has not, nor anything young", async () => {
    const old = await events(6, daysAgo(8));
    const young = await events(3, daysAgo(1));
    await db.eventCursor.create({ data: { name: "webhooks", lastId: young[1] } });
    // A consumer that has handled only the first four old events.
    await db.eventCursor.create({ data: { name: "slow", lastId: old[3] } });
    const result = await pruneEvents(db, 7, NOW, { batchSize: 2, pauseMs: 1 });
    expect(result).toEqual({ deleted: 4, more: false, heldBy: "slow" });
    expect(await eventIds()).toEqual([old[4], old[5], ...young]);
    expect(await eventsPrunedThrough(db)).toBe(old[3]);

    // The slow consumer catches up: the rest of the old ones go, the young stay.
    await db.eventCursor.update({ where: { name: "slow" }, data: { lastId: young[2] } });
    expect(await pruneEvents(db, 7, NOW)).toEqual({ deleted: 2, more: false, heldBy: null });
    expect(await eventIds()).toEqual(young);
    expect(await eventsPrunedThrough(db)).toBe(old[5]);
  });
});

describe("the hourly run", () => {
  const other = createDbClient();
  afterAll(() => other.$disconnect());

  it("is claimed by one of many instances asking at once, then not again within the hour", async () => {
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) => claimHousekeeping(i % 2 ? other : db, NOW)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimHousekeeping(db, new Date(NOW.getTime() + 59 * 60_000))).toBe(false);
    expect(await claimHousekeeping(other, new Date(NOW.getTime() + 61 * 60_000))).toBe(true);
  });

  it("runs once when two instances race for it, and logs housekeeping.done with the counts", async () => {
    const old = await mail("sent", daysAgo(40), daysAgo(40));
    const lines: { event: string; fields: Record<string, unknown> }[] = [];
    const options = {
      rules: RULES,
      now: () => NOW,
      log: (_: string, event: string, fields: object) =>
        lines.push({ event, fields: fields as Record<string, unknown> }),
    };
    const runs = await Promise.all([housekeepIfDue(db, options), housekeepIfDue(other, options)]);
    expect(runs.filter((run) => run !== null)).toHaveLength(1);
    expect(runs.find((run) => run !== null)).toMatchObject({ sentMails: 1, failedMails: 0, events: 0 });
    expect(await remaining([old])).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ event: "housekeeping.done", fields: { sentMails: 1, more: false } });
    const row = await db.housekeeping.findFirstOrThrow();
    expect(JSON.parse(row.lastCounts ?? "{}")).toMatchObject({ sentMails: 1 });
    expect(row.lastFinishedAt).toEqual(NOW);
  });

  it("runs on the worker's loop: at its first look, then not again within the hour; stops when asked", async () => {
    const old = await mail("sent", daysAgo(40), daysAgo(40));
    const events: string[] = [];
    const worker = createHousekeepingWorker(db, (_, event) => events.push(event), {
      rules: RULES,
      lookMs: 20,
    });
    worker.start();
    await expect.poll(() => events).toContain("housekeeping.done");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await worker.stop();
    expect(events.filter((event) => event === "housekeeping.done")).toHaveLength(1);
    expect(await remaining([old])).toEqual([]);
    expect(await worker.runOnce()).toBeNull();
  });

  it("runs every rule even when nothing is due to go", async () => {
    const counts = await runHousekeeping(db, { rules: RULES, now: () => NOW });
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
    expect(Object.keys(counts).sort()).toEqual(
      [
        "emailVerifications",
        "events",
        "failedDeliveries",
        "deliveredDeliveries",
        "failedMails",
        "passwordResets",
        "sentMails",
      ].sort(),
    );
  });
});
