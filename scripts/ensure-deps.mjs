#!/usr/bin/env node
// First step of `npm start` / `npm test` on a fresh clone: install the locked
// dependencies if they are missing, using only Node built-ins (nothing is installed yet).
import { existsSync } from "node:fs";
import { run } from "./lib/run.mjs";

const ready =
  existsSync("node_modules/.package-lock.json") &&
  existsSync("lib/generated/prisma/client.ts") &&
  existsSync("lib/generated/prisma-postgresql/client.ts");
if (!ready) {
  console.log("Installing dependencies (first run)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}
