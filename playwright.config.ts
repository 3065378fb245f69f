import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
// The data factories (e2e/support/factories.ts) write through the app's own database
// client, whose modules are marked server-only; loaded here, before any test file.
import "./scripts/lib/allow-server-only.mjs";

const PORT = Number(process.env.E2E_PORT ?? 3210);
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
  webServer: {
    // A production build against a freshly migrated and seeded database of its own.
    command: "node scripts/e2e-server.mjs",
    url: `http://127.0.0.1:${PORT}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(PORT) },
  },
});
