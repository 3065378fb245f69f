import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as live } from "@/app/api/health/live/route";
import { createDbClient } from "@/lib/db/client";
import { db } from "@/lib/db";
import { shippedMigrations } from "@/lib/db/migrations";
import { databaseProvider } from "@/lib/db/url";
import { log } from "@/lib/log";
import { checkReadiness } from "./readiness";

// The migrations of the database this run tests (prisma/sqlite or prisma/postgresql).
const SHIPPED = shippedMigrations(databaseProvider(process.env.DATABASE_URL));
const request = (query = "") => new NextRequest(`http://localhost/api/health${query}`);

describe("GET /api/health", () => {
  it("is ready on a migrated database, uncached", async () => {
    const response = await health(request());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      status: "ok",
      probe: "ready",
      checks: { database: "ok", migrations: "current" },
    });
  });

  it("answers 503 naming a shipped migration the database lacks", async () => {
    const latest = SHIPPED.at(-1)!;
    // This worker's own database (decision 014): undone in finally, seen by no other file.
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = CURRENT_TIMESTAMP WHERE migration_name = ${latest}`;
    try {
      const response = await health(request());
      expect(response.status).toBe(503);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({
        status: "unavailable",
        probe: "ready",
        checks: { database: "ok", migrations: "behind", missing: [latest] },
      });
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${latest}`;
    }
  });

  it("liveness answers without the database", async () => {
    for (const response of [live(), await health(request("?probe=live"))]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ status: "ok", probe: "live" });
    }
  });
});

describe("checkReadiness", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "commonplace-health-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists every shipped migration as missing on a database nobody migrated", async () => {
    const empty = createDbClient(`file:${path.join(dir, "empty.db")}`);
    try {
      expect(await checkReadiness(empty, SHIPPED)).toEqual({
        ready: false,
        database: "ok",
        migrations: "behind",
        missing: SHIPPED,
      });
    } finally {
      await empty.$disconnect();
    }
  });

  it("reports an unreachable database without its URL or error", async () => {
    const warn = vi.spyOn(log, "warn").mockImplementation(() => {});
    const nowhere = createDbClient(`file:${path.join(dir, "no-such-folder", "x.db")}`);
    try {
      const result = await checkReadiness(nowhere, SHIPPED);
      expect(result).toEqual({ ready: false, database: "unreachable" });
      expect(warn).toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      await nowhere.$disconnect();
    }
  });
});
