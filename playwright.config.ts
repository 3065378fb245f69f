import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
// The data factories (e2e/support/factories.ts) write through the app's own database
// client, whose modules are marked server-only; loaded here, before any test file.
import "./scripts/lib/allow-server-only.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const server = {
  reuseExistingServer: false,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
  env: { E2E_PORT: String(PORT) },
};
const DEBIAN_CHROMIUM = "/usr/bin/chromium";

// Debian's Chromium where it is installed (machines without a browser download);
// Playwright's own Chromium everywhere else.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Generous limits: CI machines have two cores and a production server to feed.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: /mobile\.spec\.ts/ },
    { name: "mobile", use: { ...devices["Pixel 7"] }, testMatch: /mobile\.spec\.ts/ },
  ],
  // A production build against a freshly migrated and seeded database of its own, served
  // by two server processes (the second on the next port, started once the first
  // answers): e2e/instances.spec.ts reads through one what was changed through the other.
  webServer: [
    { ...server, command: "node scripts/e2e-server.mjs", url: `http://127.0.0.1:${PORT}/`, timeout: 300_000 },
    {
      ...server,
      command: "node scripts/e2e-server.mjs --second-instance",
      url: `http://127.0.0.1:${PORT + 1}/api/health/live`,
      timeout: 60_000,
    },
  ],
});
