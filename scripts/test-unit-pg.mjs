#!/usr/bin/env node
// `npm run test:unit:pg [-- <vitest arguments>]`: the Vitest suite on PostgreSQL, on a
// throwaway cluster (scripts/lib/postgres.mjs) whose address the suite gets as
// TEST_POSTGRES_URL: global setup migrates a template database there, and each worker
// gets a copy of it (tests/support/test-database.ts). Both Prisma clients are always
// generated, so it can run beside the SQLite suite.
import { runWithThrowawayCluster } from "./lib/postgres.mjs";

const status = await runWithThrowawayCluster({
  dir: process.env.PG_TEST_DIR ?? "data/pg-unit",
  command: "npx",
  args: ["vitest", "run", ...process.argv.slice(2)],
  env: (cluster) => ({ TEST_POSTGRES_URL: cluster.url("postgres") }),
});
process.exit(status);
