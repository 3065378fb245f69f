#!/usr/bin/env node
// `npm run test:e2e:pg [-- <playwright arguments>]`: the Playwright suite on PostgreSQL,
// on a throwaway cluster (scripts/lib/postgres.mjs). E2E_DATABASE_URL names a database
// on it: the e2e server creates, migrates, seeds and serves it, the factories write to
// it (scripts/lib/e2e-database.mjs). E2E_SKIP_BUILD=1 (as `npm test` sets it after the
// SQLite run) serves the build already in .next.
import { runWithThrowawayCluster } from "./lib/postgres.mjs";

const status = await runWithThrowawayCluster({
  dir: process.env.PG_TEST_DIR ?? "data/pg-e2e",
  command: "npx",
  args: ["playwright", "test", ...process.argv.slice(2)],
  env: (cluster) => ({ E2E_DATABASE_URL: cluster.url("commonplace_e2e") }),
});
process.exit(status);
