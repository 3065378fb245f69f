#!/usr/bin/env node
// Serves a production build (next build + server.mjs, the server `npm start` runs) on a
// fresh, seeded database for the Playwright suite: SQLite, or the PostgreSQL database
// E2E_DATABASE_URL names (scripts/lib/e2e-database.mjs). Playwright starts and stops it
// (playwright.config.ts). E2E_SKIP_BUILD=1 serves the build already in .next: one build
// runs on either database.
// With --second-instance it serves the same build and database on the next port: the
// suite runs against two server processes, as a site behind a load balancer does
// (e2e/instances.spec.ts, docs/decisions/021). Playwright starts that one second.
import { rmSync } from "node:fs";
import { e2eDatabaseUrl, e2eServerLogFile, e2eSmtpPort, resetE2EDatabase } from "./lib/e2e-database.mjs";
import { prepareDatabase } from "./lib/prepare.mjs";
import { run, runFinal } from "./lib/run.mjs";

const firstPort = Number(process.env.E2E_PORT ?? 3210);
const second = process.argv.includes("--second-instance");
const port = String(second ? firstPort + 1 : firstPort);
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: e2eDatabaseUrl(),
  // One site: both instances answer for the first's origin.
  SITE_URL: `http://127.0.0.1:${firstPort}`,
  AUTH_URL: `http://127.0.0.1:${firstPort}`,
  AUTH_TRUST_HOST: "true",
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-not-for-production-0123456789abcdef",
  // Tests post in quick succession (a reply right after a comment); the flood rules
  // themselves are covered by the integration tests.
  COMMENT_MIN_INTERVAL_SECONDS: "0",
  // Production mode seeds nothing by itself (scripts/lib/prepare.mjs): the suite reads the demo.
  SEED_DEMO: "1",
  MODERATOR_EMAIL: "moderator@commonplace.local",
  MODERATOR_PASSWORD: "moderate-the-demo-thread",
  // The SMTP server e2e/password-reset.spec.ts and e2e/email-verification.spec.ts run
  // while they need one (the port after the two servers'). Sign-ups in other specs queue
  // a verification mail that waits and retries until one listens (docs/decisions/034).
  SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort(firstPort)}`,
  MAIL_FROM: "blog@example.test",
  MAIL_POLL_MS: "1000",
  // Every reply mailed at once: e2e/reply-notifications.spec.ts counts mails per reply;
  // the batching window is covered by lib/notifications/notifier.test.ts.
  NOTIFY_BATCH_MINUTES: "0",
  // e2e/webhooks.spec.ts delivers to a receiver it runs on 127.0.0.1.
  WEBHOOKS_ALLOW_PRIVATE: "1",
  WEBHOOKS_POLL_MS: "1000",
};

if (!second) {
  for (const logPort of [firstPort, firstPort + 1]) rmSync(e2eServerLogFile(logPort), { force: true });
  await resetE2EDatabase(env.DATABASE_URL);
  prepareDatabase(env);
  if (process.env.E2E_SKIP_BUILD !== "1") run("npx", ["next", "build"], env);
}
runFinal(
  process.execPath,
  ["server.mjs"],
  { ...env, PORT: port, HOST: "127.0.0.1" },
  { teeTo: e2eServerLogFile(port) },
);
