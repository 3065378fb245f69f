import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadEnvFiles } from "../../lib/env-files.mjs";
import { run } from "./run.mjs";

/**
 * Creates or migrates the database, then seeds the demo content (idempotent, inserts
 * only what is missing) unless this is production: there the demo is opt-in
 * (SEED_DEMO=1) and a fresh blog starts empty, with `npm run user:create-admin`.
 */
export function prepareDatabase(env) {
  run("npx", ["prisma", "migrate", "deploy"], env);
  if (shouldSeedDemo(env))
    run("npx", ["tsx", "--import", "./scripts/lib/allow-server-only.mjs", "seeds/seed.ts"], env);
}

/** The demo seed runs implicitly everywhere but production, where SEED_DEMO=1 asks for it. */
export function shouldSeedDemo(env) {
  return env.NODE_ENV !== "production" || env.SEED_DEMO === "1";
}

/**
 * Environment for running on your own machine: the .env files (as Next reads them for
 * `next dev` when `dev`, else for `next start`), then a generated AUTH_SECRET kept in
 * data/.auth-secret (so sessions survive restarts) unless one is set, and a trusted
 * localhost host. With NODE_ENV=production nothing is generated: the operator must
 * configure it.
 */
export function localEnv({ dev = false } = {}) {
  loadEnvFiles({ dev });
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (env.NODE_ENV === "production") return env;
  if (!env.AUTH_SECRET) {
    const secretFile = "data/.auth-secret";
    mkdirSync("data", { recursive: true });
    if (!existsSync(secretFile))
      writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
  }
  env.AUTH_TRUST_HOST ??= "true";
  return env;
}
