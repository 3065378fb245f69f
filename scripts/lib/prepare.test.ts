import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { shouldSeedDemo } from "./prepare.mjs";

describe("prepareDatabase (npm start, the e2e server)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "commonplace-prepare-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("migrates a fresh production database and leaves it empty: no demo, no accounts", () => {
    const file = path.join(dir, "production.db");
    execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'import { prepareDatabase } from "./scripts/lib/prepare.mjs"; prepareDatabase(process.env);',
      ],
      {
        env: { ...process.env, NODE_ENV: "production", SEED_DEMO: "", DATABASE_URL: `file:${file}` },
        stdio: "pipe",
      },
    );
    const database = new Database(file, { readonly: true });
    try {
      const count = (table: string) =>
        (database.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      expect(count("_prisma_migrations")).toBeGreaterThan(0);
      expect([count("Post"), count("Page"), count("Comment"), count("User")]).toEqual([0, 0, 0, 0]);
    } finally {
      database.close();
    }
  });

  it("seeds the demo everywhere but production, where SEED_DEMO=1 opts in", () => {
    expect(shouldSeedDemo({})).toBe(true);
    expect(shouldSeedDemo({ NODE_ENV: "development" })).toBe(true);
    expect(shouldSeedDemo({ NODE_ENV: "production" })).toBe(false);
    expect(shouldSeedDemo({ NODE_ENV: "production", SEED_DEMO: "0" })).toBe(false);
    expect(shouldSeedDemo({ NODE_ENV: "production", SEED_DEMO: "1" })).toBe(true);
  });
});
