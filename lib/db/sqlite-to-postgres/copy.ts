import type Database from "better-sqlite3";
import type pg from "pg";
import { type PlannedTable, quote, type TransferPlan } from "./plan";
import { toPostgres } from "./values";

const BATCH_ROWS = 2_000;

/**
 * Copies one table's rows with plain INSERTs of a batch of rows each, ids kept, so PostgreSQL's
 * triggers (its search index) run for every row as for any other insert. A reference to
 * a row of the same table not yet copied (a comment's parent with a higher id, which
 * the app never makes but an import might) is inserted empty and set once its target is in.
 */
export async function copyTable(
  sqlite: Database.Database,
  client: pg.Client,
  plan: TransferPlan,
  table: PlannedTable,
): Promise<number> {
  const names = table.columns.map((column) => column.name);
  const order = table.primaryKey.length > 0 ? ` ORDER BY ${table.primaryKey.map(quote).join(", ")}` : "";
  const rows = sqlite
    .prepare(`SELECT ${names.map(quote).join(", ")} FROM ${quote(table.name)}${order}`)
    .raw(true)
    .iterate() as IterableIterator<unknown[]>;

  const target = `${quote(plan.schema)}.${quote(table.name)}`;
  const self = table.selfReferences.map((ref) => ({
    index: names.indexOf(ref.column),
    targetIndex: names.indexOf(ref.references),
    column: ref.column,
    seen: new Set<unknown>(),
  }));
  const idIndex = table.idColumn ? names.indexOf(table.idColumn) : -1;
  const deferred: { id: unknown; column: string; value: unknown }[] = [];

  let batch: unknown[][] = [];
  let copied = 0;
  // One array parameter per column (unnest): a batch costs PostgreSQL one small
  // statement to parse, whatever its number of rows.
  const insert = `INSERT INTO ${target} (${names.map(quote).join(", ")})
    SELECT * FROM unnest(${table.columns.map((column, i) => `$${i + 1}::${column.type}[]`).join(", ")})`;
  const flush = async () => {
    if (batch.length === 0) return;
    const columns = names.map((_, index) => batch.map((row) => row[index]));
    try {
      await client.query(insert, columns);
    } catch (error) {
      throw new Error(`Copying "${table.name}" failed: ${(error as Error).message}`, { cause: error });
    }
    copied += batch.length;
    batch = [];
  };

  for (const source of rows) {
    const row = source.map((value, index) => {
      try {
        return toPostgres(value, table.columns[index].kind);
      } catch (error) {
        const at = idIndex >= 0 ? ` (row ${table.idColumn} = ${source[idIndex]})` : "";
        throw new Error(`"${table.name}"."${names[index]}"${at}: ${(error as Error).message}`);
      }
    });
    for (const ref of self) {
      ref.seen.add(row[ref.targetIndex]);
      const value = row[ref.index];
      if (value !== null && !ref.seen.has(value)) {
        deferred.push({ id: row[idIndex], column: ref.column, value });
        row[ref.index] = null;
      }
    }
    batch.push(row);
    if (batch.length === BATCH_ROWS) await flush();
  }
  await flush();

  const idType = table.columns[idIndex]?.type;
  for (const { id, column, value } of deferred)
    await client.query(
      `UPDATE ${target} SET ${quote(column)} = $1::${idType} WHERE ${quote(table.idColumn!)} = $2::${idType}`,
      [value, id],
    );
  return copied;
}

/**
 * Sets each serial column's sequence past the highest id copied, and past SQLite's own
 * high-water mark (AUTOINCREMENT never reuses the id of a deleted row; neither should
 * PostgreSQL). Returns each sequence's next value.
 */
export async function resetSequences(
  sqlite: Database.Database,
  client: pg.Client,
  plan: TransferPlan,
): Promise<{ sequence: string; next: number }[]> {
  const hasSequences = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get();
  const highWater = new Map(
    hasSequences
      ? (
          sqlite.prepare("SELECT name, seq FROM sqlite_sequence").all() as { name: string; seq: number }[]
        ).map((row) => [row.name, Number(row.seq)])
      : [],
  );
  const result: { sequence: string; next: number }[] = [];
  for (const table of plan.tables) {
    for (const { column, sequence } of table.sequences) {
      const { rows } = await client.query<{ next: string }>(
        `SELECT setval($1::regclass, GREATEST(coalesce(max(${quote(column)}), 0), $2::bigint) + 1, false)::text AS next
          FROM ${quote(plan.schema)}.${quote(table.name)}`,
        [sequence, highWater.get(table.name) ?? 0],
      );
      result.push({ sequence, next: Number(rows[0].next) });
    }
  }
  return result;
}
