import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseFilePath, resolveDatabaseUrl } from "./lib/db/url";
import { loadEnvFiles } from "./lib/env-files.mjs";

// A Prisma config file turns off Prisma's own .env loading: load the files as the app
// does. The schema's url must still resolve or the CLI tries to download a native
// engine (see docs/decisions/001).
loadEnvFiles();
process.env.DATABASE_URL = resolveDatabaseUrl(process.env.DATABASE_URL);
mkdirSync(path.dirname(databaseFilePath(process.env.DATABASE_URL)), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL! }),
});
