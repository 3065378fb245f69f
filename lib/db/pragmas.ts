/**
 * SQLite's own busy handler sleeps synchronously, freezing the whole Node process, so it
 * may not wait at all; waits for another connection's lock happen between event-loop
 * turns in lib/db/lock-wait.ts instead (docs/decisions/008).
 */
export const BUSY_TIMEOUT_MS = 0;

/**
 * Per-connection SQLite settings (docs/decisions/001), run before the connection's
 * first query: WAL so readers never block the writer, the busy timeout above, foreign
 * keys enforced, and NORMAL sync, which is durable in WAL mode except for the last
 * commits on power loss.
 */
export function connectionPragmas(busyTimeoutMs = BUSY_TIMEOUT_MS): string[] {
  // PRAGMA takes no bound parameters, hence the checked integer.
  if (!Number.isSafeInteger(busyTimeoutMs) || busyTimeoutMs < 0)
    throw new Error(`Invalid busy timeout ${busyTimeoutMs}`);
  return [
    "PRAGMA journal_mode = WAL",
    `PRAGMA busy_timeout = ${busyTimeoutMs}`,
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
  ];
}
