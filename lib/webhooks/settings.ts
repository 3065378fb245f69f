import "server-only";
import { env } from "@/lib/env";

/** Webhooks as this deployment has them (docs/decisions/037, README "Webhooks"). */
export const webhookSettings = {
  allowPrivate: env.WEBHOOKS_ALLOW_PRIVATE,
  pollMs: env.WEBHOOKS_POLL_MS,
  maxAttempts: env.WEBHOOKS_MAX_ATTEMPTS,
  /** The whole exchange with a receiver, connection to last byte read. */
  timeoutMs: 10_000,
};
