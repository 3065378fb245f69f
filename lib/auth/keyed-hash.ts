import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

// Development and tests only: a deployment sets AUTH_SECRET, and the hashes change with it.
const DEV_KEY = "commonplace-dev-keyed-hash";

/**
 * An HMAC of `value` under the server secret, separated by `purpose` so one hash cannot
 * stand in for another: throttle keys and remembered sign-in addresses store these, never
 * an email or address in clear, and they cannot be recomputed without the secret.
 */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", env.AUTH_SECRET || DEV_KEY)
    .update(`${purpose}\n${value}`)
    .digest("base64url")
    .slice(0, 32);
}
