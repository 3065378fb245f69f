import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isRetryableConflict, retryOnConflict } from "@/lib/db/retry";
import { onPostgres } from "@/tests/support/database-provider";
import { createUser } from "@/tests/support/factories";

// How Prisma 6.19 reports PostgreSQL's conflicts (seen here against PostgreSQL 15).
const serializationFailure = {
  code: "P2034",
  meta: { driverAdapterError: { cause: { originalCode: "40001", kind: "TransactionWriteConflict" } } },
};
const rawDeadlock = {
  code: "P2010",
  meta: { driverAdapterError: { cause: { originalCode: "40P01", kind: "postgres", code: "40P01" } } },
};
const deadlockInTransaction = { name: "DriverAdapterError", cause: { originalCode: "40P01", code: "40P01" } };
// Prisma's own transaction around an updateMany, its COMMIT refused (the cause is lost).
const refusedCommit = Object.assign(
  new Error(
    "Transaction API error: Transaction already closed: A rollback cannot be executed on a committed transaction.",
  ),
  { code: "P2028" },
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("isRetryableConflict", () => {
  it("recognises serialization failures and deadlocks however Prisma wraps them", () => {
    for (const error of [serializationFailure, rawDeadlock, deadlockInTransaction, refusedCommit])
      expect(isRetryableConflict(error)).toBe(true);
    expect(isRetryableConflict(new Error("saving failed", { cause: rawDeadlock }))).toBe(true);
  });

  it("leaves every other error alone", () => {
    expect(isRetryableConflict({ code: "P2002" })).toBe(false);
    expect(
      isRetryableConflict({
        code: "P2028",
        message: "Transaction API error: Unable to start a transaction in the given time.",
      }),
    ).toBe(false);
    expect(
      isRetryableConflict({
        code: "P2010",
        meta: { driverAdapterError: { cause: { originalCode: "23505" } } },
      }),
    ).toBe(false);
    expect(isRetryableConflict(new Error("deadlock detected"))).toBe(false);
    expect(isRetryableConflict(null)).toBe(false);
    const cyclic: { cause?: unknown } = {};
    cyclic.cause = cyclic;
    expect(isRetryableConflict(cyclic)).toBe(false);
  });
});

describe("retryOnConflict", () => {
  it("runs the work again after a conflict, and gives up after the last attempt", async () => {
    let runs = 0;
    const flaky = () => (++runs < 3 ? Promise.reject(rawDeadlock) : Promise.resolve("stored"));
    expect(await retryOnConflict(flaky, { baseDelayMs: 1 })).toBe("stored");
    expect(runs).toBe(3);

    runs = 0;
    const hopeless = () => (runs++, Promise.reject(serializationFailure));
    await expect(retryOnConflict(hopeless, { attempts: 4, baseDelayMs: 1 })).rejects.toBe(
      serializationFailure,
    );
    expect(runs).toBe(4);
  });

  it("passes any other error on at once", async () => {
    let runs = 0;
    const unique = { code: "P2002" };
    await expect(retryOnConflict(() => (runs++, Promise.reject(unique)))).rejects.toBe(unique);
    expect(runs).toBe(1);
  });

  it("lets two transactions that lock two rows in opposite orders both commit", async () => {
    const [a, b] = await Promise.all([createUser(), createUser()]);
    let runs = 0;
    const arrived = new Set<string>();
    // Each takes its first row, waits (briefly) until the other has taken its own, then
    // wants the other's: on PostgreSQL a deadlock, which ends one of them; on SQLite
    // the second waits for the first's write lock instead, so the wait just runs out.
    const transfer = (first: string, second: string) =>
      retryOnConflict(() => {
        runs++;
        return db.$transaction(
          async (tx) => {
            await tx.user.update({ where: { id: first }, data: { sessionVersion: { increment: 1 } } });
            arrived.add(first);
            for (let waited = 0; !arrived.has(second) && waited < 500; waited += 10) await sleep(10);
            await tx.user.update({ where: { id: second }, data: { sessionVersion: { increment: 10 } } });
          },
          { timeout: 20_000 },
        );
      });
    await Promise.all([transfer(a.id, b.id), transfer(b.id, a.id)]);

    const versions = await db.user.findMany({
      where: { id: { in: [a.id, b.id] } },
      select: { sessionVersion: true },
    });
    // Both transfers applied once to both rows (each starts at 0): 1 + 10.
    expect(versions.map((row) => row.sessionVersion)).toEqual([11, 11]);
    // PostgreSQL ended one transaction as a deadlock victim and it ran again.
    expect(runs).toBe(onPostgres ? 3 : 2);
  });
});
