#!/usr/bin/env node
// `npm run db:generate` (and postinstall): generates the Prisma client of both databases,
// lib/generated/prisma (SQLite) and lib/generated/prisma-postgresql, so one build runs
// on either and lib/db/client.ts picks by DATABASE_URL at start (docs/decisions/016).
// The CLI reads the schema that prisma.config.ts picks from DATABASE_URL, and a schema
// whose URL does not match its provider makes it try to download a native engine: each
// run gets a URL of its provider. Nothing connects to either.
import { run } from "./lib/run.mjs";

const GENERATE_URLS = ["file:./data/commonplace.db", "postgresql://generate@localhost/generate"];

for (const url of GENERATE_URLS) {
  run("npx", ["prisma", "generate"], { ...process.env, DATABASE_URL: url });
}
