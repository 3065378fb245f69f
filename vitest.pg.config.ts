import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The PostgreSQL smoke run (`npm run test:pg-smoke`, docs/decisions/016): the same tests,
// but on the one database that scripts/test-pg-smoke.mjs migrated and named in
// DATABASE_URL, so no per-worker SQLite copies and one file at a time.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    globalSetup: [],
    setupFiles: ["tests/setup.ts"],
    fileParallelism: false,
  },
});
