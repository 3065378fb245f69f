import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Per-connection SQLite settings (docs/decisions/001): WAL so readers never block the
 * writer, a busy timeout instead of instant SQLITE_BUSY, foreign keys enforced, and
 * NORMAL sync, which is durable in WAL mode except for the last commits on power loss.
 */
export async function applyConnectionPragmas(client: PrismaClient): Promise<void> {
  await client.$queryRaw`PRAGMA journal_mode = WAL`;
  await client.$queryRaw`PRAGMA busy_timeout = 10000`;
  await client.$executeRaw`PRAGMA foreign_keys = ON`;
  await client.$executeRaw`PRAGMA synchronous = NORMAL`;
}
