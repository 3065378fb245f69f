import path from "node:path";
import { defineConfig } from "vitest/config";

// Integration tests run against a real database migrated by `prisma migrate deploy`,
// never against mocks: a SQLite file, or a PostgreSQL database when TEST_POSTGRES_URL
// names a server (`npm run test:unit:pg`). Global setup migrates a template once and each
// worker process gets a copy of its own (tests/support/test-database.ts), which is why
// DATABASE_URL and UPLOAD_DIR are set by tests/setup-database.ts, not here.
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
    setupFiles: ["tests/setup-database.ts", "tests/setup.ts"],
    env: {
      COMMONPLACE_COUNT_QUERIES: "1",
      BLOG_TIMEZONE: "Asia/Kuala_Lumpur",
    },
    // next-auth imports "next/server" without an extension, which only a bundler resolves:
    // Vite transforms it, so tests may import the sign-in actions (lib/actions/refusals.test.ts).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
