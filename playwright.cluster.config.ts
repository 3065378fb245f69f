import { defineConfig, devices } from "@playwright/test";
// The main suite's browser settings (Debian's Chromium where installed); it also loads
// the server-only allowance the data factories need.
import base from "./playwright.config";

// This run's ports (the e2e suite uses 3210): nginx, and the first of the two instances.
const NGINX_PORT = process.env.CLUSTER_NGINX_PORT ?? "3330";
const APP_PORT = process.env.CLUSTER_APP_PORT ?? "3320";

/**
 * `npm run test:e2e:cluster`: two instances of one build behind nginx on one PostgreSQL,
 * started by `npm run cluster:demo` (scripts/cluster-demo.mjs), and a browser that only
 * talks to nginx (docs/decisions/022). Not part of `npm test`.
 */
export default defineConfig({
  testDir: "e2e/cluster",
  // Named apart from *.spec.ts so the main suite (testDir e2e) never picks it up.
  testMatch: /\.cluster\.ts$/,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: { ...base.use, baseURL: `http://127.0.0.1:${NGINX_PORT}` },
  projects: [{ name: "cluster", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/cluster-demo.mjs",
    url: `http://127.0.0.1:${NGINX_PORT}/api/health`,
    // A fresh build, PostgreSQL cluster and migration: minutes on a busy two-core machine.
    timeout: 600_000,
    reuseExistingServer: false,
    // The script stops nginx, the instances and PostgreSQL on SIGTERM.
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      CLUSTER_NGINX_PORT: NGINX_PORT,
      CLUSTER_APP_PORT: APP_PORT,
      CLUSTER_INSTANCES: "2",
      // E2E_SKIP_BUILD=1 reuses .next (as for the main suite); otherwise build afresh.
      REBUILD: process.env.E2E_SKIP_BUILD === "1" ? "0" : "1",
      // Tests post in quick succession; the flood rules have tests of their own.
      COMMENT_MIN_INTERVAL_SECONDS: "0",
    },
  },
});
