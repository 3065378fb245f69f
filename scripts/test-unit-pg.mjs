#!/usr/bin/env node
// `npm run test:unit:pg [-- <vitest arguments>]`: the Vitest suite on PostgreSQL. Starts a
// throwaway cluster (scripts/lib/postgres.mjs), hands its address to the suite as
// TEST_POSTGRES_URL (global setup migrates a template database there, each worker gets
// a copy: tests/support/test-database.ts), and stops the cluster whatever the outcome.
// Both Prisma clients are always generated, so it can run beside the SQLite suite.
import { spawnSync } from "node:child_process";
import { startPostgres } from "./lib/postgres.mjs";

// Ctrl-C reaches Vitest too: let it finish, then stop the cluster here.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => {});

const cluster = await startPostgres({ dir: process.env.PG_TEST_DIR ?? "data/pg-unit" });
let status = 1;
try {
  const result = spawnSync("npx", ["vitest", "run", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, TEST_POSTGRES_URL: cluster.url("postgres"), NEXT_TELEMETRY_DISABLED: "1" },
  });
  status = result.status ?? 1;
} finally {
  cluster.stop();
}
process.exit(status);
