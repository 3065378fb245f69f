import "server-only";
import { createDbClient, type DbClient } from "@/lib/db/client";
import { env } from "@/lib/env";

// One client per process; cached on globalThis so dev-mode hot reloads reuse it.
const globalForDb = globalThis as unknown as { commonplaceDb?: DbClient };

export const db = globalForDb.commonplaceDb ?? createDbClient();
if (env.NODE_ENV !== "production") globalForDb.commonplaceDb = db;
