import "server-only";
import { env } from "@/lib/env";
import { createLogger } from "@/lib/log/logger.mjs";

/**
 * The app's logger: JSON lines on standard output (readable lines in development), at
 * LOG_LEVEL and above. server.mjs makes its own from the same module before Next loads.
 */
export const log = createLogger({
  level: env.LOG_LEVEL,
  format: env.NODE_ENV === "development" ? "plain" : "json",
});
