import type Database from "better-sqlite3";
import type pg from "pg";
import { type ColumnKind, columnKind } from "./values";

/**
 * What to copy, read from both databases' catalogs rather than from a list kept by hand:
 * every table the PostgreSQL migrations made that SQLite has too, in foreign-key order,
 * with the columns both have. Anything of SQLite's that would not arrive is refused,
 * except its full-text indexes (FTS5 virtual tables and their shadow tables): PostgreSQL
 * keeps its own search index, filled by triggers as the rows are inserted.
 */
export type PlannedColumn = { name: string; kind: ColumnKind; type: string };

export type PlannedTable = {
  name: string;
  /** The columns copied: those of the SQLite table, all of which PostgreSQL has. */
  columns: PlannedColumn[];
  primaryKey: string[];
  /** A single integer primary key: rows are read and hashed in its order. */
  idColumn: string | null;
  /** Foreign keys to the table itself (a comment's parent), filled in after their target. */
  selfReferences: { column: string; references: string }[];
  /** Sequences behind serial columns, set past the highest id after the copy. */
  sequences: { column: string; sequence: string }[];
};

export type TransferPlan = {
  schema: string;
  tables: PlannedTable[];
  /** SQLite's full-text indexes (virtual tables; their shadow tables go with them), not copied. */
  skipped: string[];
  /** Tables only PostgreSQL has (left as its migrations made them). */
  postgresOnlyTables: string[];
  /** Columns only PostgreSQL has, filled by their defaults or triggers ("Table.column"). */
  postgresOnlyColumns: string[];
};

type PgColumn = {
  table: string;
  column: string;
  type: string;
  typname: string;
  required: boolean;
  sequence: string | null;
};

export async function planTransfer(
  sqlite: Database.Database,
  client: pg.Client,
  schema: string,
): Promise<TransferPlan> {
  const { rows: pgColumns } = await client.query<PgColumn>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type",
        t.typname, (a.attnotnull AND NOT a.atthasdef AND a.attgenerated = '') AS "required",
        pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS "sequence"
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_type t ON t.oid = a.atttypid
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND a.attgenerated = '' AND c.relname <> '_prisma_migrations'
      ORDER BY c.relname, a.attnum`,
    [schema],
  );
  const { rows: keys } = await client.query<{
    table: string;
    kind: "p" | "f";
    target: string;
    columns: string[];
    targetColumns: string[];
  }>(
    `SELECT c.relname AS "table", con.contype AS "kind", coalesce(r.relname, '') AS "target",
        ARRAY(SELECT attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
          JOIN pg_attribute ON attrelid = con.conrelid AND attnum = k.num ORDER BY ord)::text[] AS "columns",
        ARRAY(SELECT attname FROM unnest(coalesce(con.confkey, '{}')) WITH ORDINALITY k(num, ord)
          JOIN pg_attribute ON attrelid = con.confrelid AND attnum = k.num ORDER BY ord)::text[] AS "targetColumns"
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class r ON r.oid = con.confrelid
      WHERE n.nspname = $1 AND con.contype IN ('p', 'f')`,
    [schema],
  );

  const sqliteTables = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string; sql: string | null }[];
  const skipped = sqliteTables
    .filter((table) => /^CREATE VIRTUAL TABLE/i.test(table.sql ?? ""))
    .map((t) => t.name);
  // SQLite's own tables, Prisma's migration history, and the tables behind each index.
  const internal = (name: string) =>
    name.startsWith("sqlite_") ||
    name === "_prisma_migrations" ||
    skipped.some((index) => name === index || name.startsWith(`${index}_`));
  const sqliteNames = new Set(sqliteTables.map((table) => table.name));

  const pgTables = [...new Set(pgColumns.map((column) => column.table))];
  const problems: string[] = [];
  for (const name of sqliteNames)
    if (!internal(name) && !pgTables.includes(name)) problems.push(`table "${name}" exists only in SQLite`);

  const postgresOnlyColumns: string[] = [];
  const tables: PlannedTable[] = [];
  for (const name of pgTables.filter((table) => sqliteNames.has(table))) {
    const sqliteColumns = (
      sqlite.prepare(`PRAGMA table_info(${quote(name)})`).all() as { name: string }[]
    ).map((column) => column.name);
    const columns = pgColumns.filter((column) => column.table === name);
    for (const column of sqliteColumns)
      if (!columns.some((c) => c.column === column))
        problems.push(`column "${name}"."${column}" exists only in SQLite`);
    for (const column of columns.filter((c) => !sqliteColumns.includes(c.column))) {
      if (column.required)
        problems.push(`column "${name}"."${column.column}" is required but SQLite has no value for it`);
      else postgresOnlyColumns.push(`${name}.${column.column}`);
    }
    const copied = columns.filter((column) => sqliteColumns.includes(column.column));
    const primaryKey = keys.find((key) => key.table === name && key.kind === "p")?.columns ?? [];
    const idColumn =
      primaryKey.length === 1 && copied.find((c) => c.column === primaryKey[0])?.typname.startsWith("int")
        ? primaryKey[0]
        : null;
    const selfReferences = keys
      .filter((key) => key.kind === "f" && key.table === name && key.target === name)
      .map((key) => {
        if (key.columns.length !== 1 || !idColumn)
          throw new Error(`"${name}" refers to itself by a key this copy cannot order`);
        return { column: key.columns[0], references: key.targetColumns[0] };
      });
    tables.push({
      name,
      columns: copied.map((column) => ({
        name: column.column,
        kind: columnKind(column.typname),
        type: column.type,
      })),
      primaryKey,
      idColumn,
      selfReferences,
      sequences: copied
        .filter((column) => column.sequence)
        .map((column) => ({ column: column.column, sequence: column.sequence! })),
    });
  }
  if (problems.length > 0)
    throw new Error(
      `The databases' schemas differ, so some data would not arrive:\n- ${problems.join("\n- ")}\nAre both migrated to the same version of Commonplace?`,
    );

  const dependencies = new Map(
    tables.map((table) => [
      table.name,
      new Set(
        keys
          .filter((k) => k.kind === "f" && k.table === table.name && k.target !== table.name)
          .map((k) => k.target),
      ),
    ]),
  );
  return {
    schema,
    tables: inForeignKeyOrder(tables, dependencies),
    skipped,
    postgresOnlyTables: pgTables.filter((table) => !sqliteNames.has(table)),
    postgresOnlyColumns,
  };
}

/** Tables after every table they refer to (ties by name, so the order is stable). */
function inForeignKeyOrder(tables: PlannedTable[], dependencies: Map<string, Set<string>>): PlannedTable[] {
  const ordered: PlannedTable[] = [];
  const placed = new Set<string>();
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.filter((table) =>
      [...dependencies.get(table.name)!].every((target) => placed.has(target) || !dependencies.has(target)),
    );
    if (ready.length === 0)
      throw new Error(`Foreign keys form a cycle among ${remaining.map((table) => table.name).join(", ")}`);
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

/** A quoted identifier, for SQLite and PostgreSQL alike. */
export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
