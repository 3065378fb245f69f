import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";
import { databaseFilePath, databaseProvider, resolveDatabaseUrl } from "./lib/db/url";
import { loadEnvFiles } from "./lib/env-files.mjs";
import { postgresCliAdapter } from "./prisma/postgresql/cli-adapter";

// A Prisma config file turns off Prisma's own .env loading: load the files as the app
// does. The schema's url must still resolve or the CLI tries to download a native
// engine (see docs/decisions/001).
loadEnvFiles();
const url = (process.env.DATABASE_URL = resolveDatabaseUrl(process.env.DATABASE_URL));

// Prisma's provider is fixed per schema file, so each database has its own schema and
// migrations, chosen by the URL's scheme (docs/decisions/016). `prisma generate` writes
// that provider's client (lib/generated/prisma or prisma-postgresql); `npm run
// db:generate` writes both.
const provider = databaseProvider(url);
if (provider === "sqlite") mkdirSync(path.dirname(databaseFilePath(url)), { recursive: true });

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  adapter: async () => (provider === "sqlite" ? new PrismaBetterSQLite3({ url }) : postgresCliAdapter(url)),
});
