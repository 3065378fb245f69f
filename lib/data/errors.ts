/**
 * "Unique constraint failed", without importing Prisma's runtime: P2002 from a model
 * query, or a raw query's failure (P2010) whose driver error says so.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta } = error as {
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { kind?: unknown } } };
  };
  if (code === "P2002") return true;
  return code === "P2010" && meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

/** Prisma's "record to update/delete not found" (P2025): a guarded `update` whose guard refused. */
export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/**
 * A write that could not get SQLite's write lock within the configured wait
 * (DATABASE_WRITE_WAIT_MS) because another connection held it: a backup, a script, a
 * migration. The refused statement changed nothing, so the request may simply be
 * repeated (docs/decisions/008).
 */
export class DatabaseBusyError extends Error {
  override readonly name = "DatabaseBusyError";
  readonly code = "DATABASE_BUSY";

  constructor(
    message = "The database stayed locked by another connection; the write was not applied.",
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` (or an error it wraps) is a DatabaseBusyError. */
export function isDatabaseBusy(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    typeof e === "object" && e !== null && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    if (e instanceof DatabaseBusyError || (e as { code?: unknown }).code === "DATABASE_BUSY") return true;
  }
  return false;
}
