#!/usr/bin/env node
// Serves a production build (next build + server.mjs, the server `npm start` runs) on a
// fresh, seeded database for the Playwright suite: SQLite, or the PostgreSQL database
// E2E_DATABASE_URL names (scripts/lib/e2e-database.mjs). Playwright starts and stops it
// (playwright.config.ts). E2E_SKIP_BUILD=1 serves the build already in .next: one build
// runs on either database.
import { e2eDatabaseUrl, resetE2EDatabase } from "./lib/e2e-database.mjs";
import { prepareDatabase } from "./lib/prepare.mjs";
import { run, runFinal } from "./lib/run.mjs";

const port = process.env.E2E_PORT ?? "3210";
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: e2eDatabaseUrl(),
  SITE_URL: `http://127.0.0.1:${port}`,
  AUTH_URL: `http://127.0.0.1:${port}`,
  AUTH_TRUST_HOST: "true",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789abcdef",
  // Tests post in quick succession (a reply right after a comment); the flood rules
  // themselves are covered by the integration tests.
  COMMENT_MIN_INTERVAL_SECONDS: "0",
  // Production mode seeds nothing by itself (scripts/lib/prepare.mjs): the suite reads the demo.
  SEED_DEMO: "1",
  MODERATOR_EMAIL: "moderator@commonplace.local",
  MODERATOR_PASSWORD: "moderate-the-demo-thread",
};

await resetE2EDatabase(env.DATABASE_URL);
prepareDatabase(env);
if (process.env.E2E_SKIP_BUILD !== "1") run("npx", ["next", "build"], env);
runFinal(process.execPath, ["server.mjs"], { ...env, PORT: port, HOST: "127.0.0.1" });
