import "server-only";
import { parseEnv } from "@/lib/env-schema";

/**
 * The environment, validated once per process: instrumentation.ts imports this at start,
 * so a bad setting stops the server before it serves anyone. The only place runtime code
 * reads `process.env` (an ESLint rule keeps it so); see lib/env-schema.ts.
 */
export const env = parseEnv(process.env);

/**
 * AUTH_SECRET signs session cookies. `npm start`/`npm run dev` generate one for local
 * use (data/.auth-secret); any other start must set it, or nothing would be secure.
 */
export function requireAuthSecret(): string {
  if (!env.AUTH_SECRET) {
    throw new Error(
      "AUTH_SECRET must be set to a random string of at least 32 characters (e.g. `openssl rand -base64 32`).",
    );
  }
  return env.AUTH_SECRET;
}
