import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { applyExpiry, setExpiryPublisher } from "@/lib/cache/expiry-channel.mjs";
import { createExpiryFollower } from "@/lib/cache/expiry-follower";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/shutdown.mjs";

/**
 * Joins this server process to the shared expiry log (docs/decisions/021): what Next
 * expires here is written for the others (the cache handler publishes it), and what the
 * others wrote is applied here (the cache handler expires it). instrumentation.ts calls
 * this once, when the server starts.
 */
export function startSharedCacheExpiry(): void {
  if (env.CACHE_EXPIRY_POLL_MS === 0) return;
  const follower = createExpiryFollower({
    db,
    origin: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    expireHere: applyExpiry,
    intervalMs: env.CACHE_EXPIRY_POLL_MS,
  });
  setExpiryPublisher(follower.record);
  follower.start();
  onShutdown("shared cache expiry", () => follower.stop());
}
