import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type pg from "pg";
import { type PlannedTable, quote, type TransferPlan } from "./plan";
import { canonical } from "./values";

export type TableCheck = {
  table: string;
  sqliteRows: number;
  postgresRows: number;
  /** SHA-256 of every row, in id order, on each side; only for tables with an integer id. */
  sqliteChecksum: string | null;
  postgresChecksum: string | null;
  ok: boolean;
};

const PAGE = 5_000;
// PostgreSQL's text output for every column: canonical() reads it, not pg's Date parsing
// (which would read a `timestamp` in the machine's zone).
const AS_TEXT = { getTypeParser: () => (value: string) => value };

/**
 * Counts every copied table on both sides, and hashes every row of each table with an
 * integer id (every comment, post, page, label, redirect and log entry: id, postId,
 * parentId, authorId, body, createdAt, deletedAt… each column copied) in id order, from
 * SQLite's values as stored (not as converted for the copy, so a conversion that loses
 * something shows) and from what PostgreSQL stored. Run inside the copy's transactions,
 * so both sides are the snapshot that was copied.
 */
export async function verifyTables(
  sqlite: Database.Database,
  client: pg.Client,
  plan: TransferPlan,
): Promise<TableCheck[]> {
  const checks: TableCheck[] = [];
  for (const table of plan.tables) {
    const target = `${quote(plan.schema)}.${quote(table.name)}`;
    const { n: sqliteRows } = sqlite.prepare(`SELECT count(*) AS n FROM ${quote(table.name)}`).get() as {
      n: number;
    };
    const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${target}`);
    const postgresRows = Number(rows[0].n);
    const sqliteChecksum = table.idColumn ? sqliteHash(sqlite, table) : null;
    const postgresChecksum = table.idColumn ? await postgresHash(client, target, table) : null;
    checks.push({
      table: table.name,
      sqliteRows,
      postgresRows,
      sqliteChecksum,
      postgresChecksum,
      ok: sqliteRows === postgresRows && sqliteChecksum === postgresChecksum,
    });
  }
  return checks;
}

function sqliteHash(sqlite: Database.Database, table: PlannedTable): string {
  const hash = createHash("sha256");
  const rows = sqlite
    .prepare(
      `SELECT ${table.columns.map((c) => quote(c.name)).join(", ")} FROM ${quote(table.name)} ORDER BY ${quote(table.idColumn!)}`,
    )
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;
  for (const row of rows)
    hash.update(`${JSON.stringify(row.map((value, i) => canonical(value, table.columns[i].kind)))}\n`);
  return hash.digest("hex");
}

async function postgresHash(client: pg.Client, target: string, table: PlannedTable): Promise<string> {
  const hash = createHash("sha256");
  const id = quote(table.idColumn!);
  const idIndex = table.columns.findIndex((column) => column.name === table.idColumn);
  const columns = table.columns.map((c) => quote(c.name)).join(", ");
  let after: string | null = null;
  for (;;) {
    const { rows }: { rows: unknown[][] } = await client.query<unknown[]>({
      text: `SELECT ${columns} FROM ${target} ${after === null ? "" : `WHERE ${id} > $1::bigint`} ORDER BY ${id} LIMIT ${PAGE}`,
      values: after === null ? [] : [after],
      rowMode: "array",
      types: AS_TEXT,
    });
    for (const row of rows)
      hash.update(`${JSON.stringify(row.map((value, i) => canonical(value, table.columns[i].kind)))}\n`);
    if (rows.length < PAGE) return hash.digest("hex");
    after = String(rows.at(-1)![idIndex]);
  }
}
