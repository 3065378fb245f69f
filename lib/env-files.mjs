// Loads .env files into process.env exactly as Next loads them for the app (its own
// @next/env: .env, .env.local, .env.<mode>, .env.<mode>.local; variables already set
// win). The Prisma CLI (prisma.config.ts), the seed and the command-line scripts call
// it, so a DATABASE_URL in .env reaches them as it reaches the server. Plain JavaScript:
// prisma.config.ts and the .mjs scripts load it without a TypeScript step.
import nextEnv from "@next/env";

const quiet = { info() {}, error: (...args) => console.error(...args) };

/**
 * @param {{ dir?: string, dev?: boolean }} [options] `dev` picks the .env.development
 *   files, as `next dev` does; otherwise those of `next start` (production), or of tests.
 */
export function loadEnvFiles({ dir = process.cwd(), dev = process.env.NODE_ENV === "development" } = {}) {
  nextEnv.loadEnvConfig(dir, dev, quiet);
}
