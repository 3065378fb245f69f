import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseFilePath, resolveDatabaseUrl } from "./lib/database-url";

// A Prisma config file turns off Prisma's own .env loading; the schema's url must still
// resolve or the CLI tries to download a native engine (see docs/decisions/001).
process.env.DATABASE_URL = resolveDatabaseUrl();
mkdirSync(path.dirname(databaseFilePath()), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
});
