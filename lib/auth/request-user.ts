import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { getCurrentUserById, type CurrentUser } from "@/lib/data/users";

/**
 * The users the session check loaded during one `auth()` call. Auth.js's jwt callback
 * must load the user anyway (to refuse a token after sign-out); recording that load
 * lets the guard use it instead of reading the same row again a moment later, which
 * was one of every reply's SQL statements.
 */
const loadedUsers = new AsyncLocalStorage<Map<string, CurrentUser | null>>();

/** Loads a user freshly from the database, and records it for the `auth()` call in progress. */
export async function loadSessionUser(id: string): Promise<CurrentUser | null> {
  const user = await getCurrentUserById(id);
  loadedUsers.getStore()?.set(id, user);
  return user;
}

/** Runs `check` (an `auth()` call); returns its result and the users it loaded on the way. */
export async function recordingUserLoads<T>(
  check: () => Promise<T>,
): Promise<{ result: T; loaded: ReadonlyMap<string, CurrentUser | null> }> {
  const loaded = new Map<string, CurrentUser | null>();
  const result = await loadedUsers.run(loaded, check);
  return { result, loaded };
}
