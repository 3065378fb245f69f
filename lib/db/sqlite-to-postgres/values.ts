/**
 * How a value stored by Prisma in SQLite becomes the value PostgreSQL stores for the same
 * field, by the PostgreSQL column's type, and the one canonical form both sides' values
 * are hashed in to prove they are the same.
 */
export type ColumnKind = "integer" | "bigint" | "float" | "boolean" | "timestamp" | "text" | "bytes";

const KINDS: Record<string, ColumnKind> = {
  int2: "integer",
  int4: "integer",
  int8: "bigint",
  float4: "float",
  float8: "float",
  numeric: "float",
  bool: "boolean",
  timestamp: "timestamp",
  timestamptz: "timestamp",
  date: "timestamp",
  text: "text",
  varchar: "text",
  bpchar: "text",
  bytea: "bytes",
};

/** The kind of a PostgreSQL type (pg_type.typname); throws for one Prisma's models never use. */
export function columnKind(typname: string): ColumnKind {
  const kind = KINDS[typname];
  if (!kind) throw new Error(`column type ${typname} is not one this copy knows how to convert`);
  return kind;
}

const SQLITE_DATETIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * A point in time from either side: Prisma's SQLite adapter writes ISO 8601 with
 * "+00:00" (older clients wrote Unix milliseconds), SQLite's CURRENT_TIMESTAMP writes
 * "YYYY-MM-DD HH:MM:SS" in UTC, and PostgreSQL prints a `timestamp(3)` the same way
 * (Prisma keeps UTC in it) and a `timestamptz` with an offset such as "+00".
 */
export function parseTimestamp(value: unknown): Date {
  let date: Date;
  if (typeof value === "number" || typeof value === "bigint") date = new Date(Number(value));
  else if (value instanceof Date) date = value;
  else if (typeof value === "string" && /^-?\d+$/.test(value)) date = new Date(Number(value));
  else if (typeof value === "string" && SQLITE_DATETIME.test(value))
    date = new Date(`${value.replace(" ", "T")}Z`);
  else if (typeof value === "string")
    date = new Date(value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"));
  else date = new Date(NaN);
  if (Number.isNaN(date.getTime())) throw new Error(`${JSON.stringify(value)} is not a date and time`);
  return date;
}

/** A SQLite value as a query parameter for a PostgreSQL column of `kind`. */
export function toPostgres(value: unknown, kind: ColumnKind): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "integer":
    case "bigint":
      if (typeof value === "bigint" || (typeof value === "number" && Number.isInteger(value)))
        return String(value);
      break;
    case "float":
      if (typeof value === "number") return value;
      break;
    case "boolean":
      if (value === 0 || value === 1 || value === 0n || value === 1n) return Number(value) === 1;
      break;
    case "timestamp":
      // ISO with "Z": a `timestamp` column ignores the zone, so it keeps the UTC time.
      return parseTimestamp(value).toISOString();
    case "text":
      if (typeof value === "string") {
        if (value.includes("\u0000"))
          throw new Error("text with a NUL character, which PostgreSQL cannot store");
        return value;
      }
      break;
    case "bytes":
      if (Buffer.isBuffer(value)) return value;
      break;
  }
  throw new Error(`${JSON.stringify(value)} (${typeof value}) does not fit a ${kind} column`);
}

/**
 * The canonical form of a column's value, the same for the value SQLite stores and for
 * PostgreSQL's text output of the value it stores for it.
 */
export function canonical(value: unknown, kind: ColumnKind): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "integer":
    case "bigint":
      return String(value);
    case "float":
      return Number(value);
    case "boolean":
      return value === true || value === 1 || value === 1n || value === "t";
    case "timestamp":
      return parseTimestamp(value).toISOString();
    case "bytes":
      return Buffer.isBuffer(value) ? value.toString("hex") : String(value).replace(/^\\x/, "");
    case "text":
      return String(value);
  }
}
