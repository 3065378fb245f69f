#!/usr/bin/env node
// `npm start`: the whole quick start in one command. Installs dependencies if needed,
// creates/migrates/seeds the embedded SQLite database, builds once, and serves the blog.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { run, runFinal } from "./lib/run.mjs";

run("node", ["scripts/ensure-deps.mjs"]);

const port = process.env.PORT ?? "3000";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

if (env.NODE_ENV !== "production") {
  // Local use: a stable, generated AUTH_SECRET so sessions survive restarts.
  // Production must set AUTH_SECRET explicitly (lib/env.ts refuses to start without it).
  const secretFile = "data/.auth-secret";
  if (!env.AUTH_SECRET) {
    mkdirSync("data", { recursive: true });
    if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
  }
  env.AUTH_TRUST_HOST ??= "true";
}

run("npx", ["prisma", "migrate", "deploy"], env);
run("npx", ["tsx", "seeds/seed.ts"], env);
if (!existsSync(".next/BUILD_ID") || process.env.REBUILD === "1") run("npx", ["next", "build"], env);
console.log(`\nCommonplace is starting on http://localhost:${port}\n`);
runFinal("npx", ["next", "start", "-p", port], env);
