import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run against a real SQLite file migrated by `prisma migrate deploy`
// (tests/global-setup.ts), never against mocks.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Next enforces the server-only boundary at build time; in tests it is a no-op.
      "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    include: ["**/*.test.{ts,tsx}"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    globalSetup: ["tests/global-setup.ts"],
    setupFiles: ["tests/setup.ts"],
    env: {
      DATABASE_URL: "file:./data/test/vitest.db",
      COMMONPLACE_COUNT_QUERIES: "1",
      BLOG_TIMEZONE: "Asia/Kuala_Lumpur",
      UPLOAD_DIR: "data/test/uploads",
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
