import Database from "better-sqlite3";
import pg from "pg";
import { missingMigrations } from "@/lib/db/migrations";
import { copyTable, resetSequences } from "./copy";
import { planTransfer, quote, type TransferPlan } from "./plan";
import { type TableCheck, verifyTables } from "./verify";

export type TransferReport = {
  plan: TransferPlan;
  tables: (TableCheck & { copied: number })[];
  sequences: { sequence: string; next: number }[];
  /** Every count and checksum matched, and the copy was committed. */
  ok: boolean;
  ms: number;
};

/**
 * Moves a blog's data from a SQLite file into a PostgreSQL database that the PostgreSQL
 * migrations have made and nothing has written to (docs/decisions/019). SQLite is read in
 * one read transaction (a consistent snapshot, even while the blog still runs; what is
 * written after it starts is not copied), PostgreSQL written in one transaction with the
 * copied tables locked against other writers, and verified inside it: committed only
 * when every table's row count and every row's checksum match, else rolled back whole.
 */
export async function migrateSqliteToPostgres(
  sqliteFile: string,
  postgresUrl: string,
  { onTable }: { onTable?: (table: string, rows: number) => void } = {},
): Promise<TransferReport> {
  const started = performance.now();
  const sqlite = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: postgresUrl });
  try {
    assertMigrated("SQLite", "sqlite", appliedSqlite(sqlite), `file:${sqliteFile}`);
    await client.connect();
    const schema = new URL(postgresUrl).searchParams.get("schema") ?? "public";
    assertMigrated("PostgreSQL", "postgresql", await appliedPostgres(client, schema), "<postgres-url>");

    sqlite.exec("BEGIN");
    await client.query("BEGIN");
    try {
      const plan = await planTransfer(sqlite, client, schema);
      await client.query(
        `LOCK TABLE ${plan.tables.map((t) => `${quote(schema)}.${quote(t.name)}`).join(", ")} IN EXCLUSIVE MODE`,
      );
      await assertEmpty(client, plan);
      const copied = new Map<string, number>();
      for (const table of plan.tables) {
        copied.set(table.name, await copyTable(sqlite, client, plan, table));
        onTable?.(table.name, copied.get(table.name)!);
      }
      const sequences = await resetSequences(sqlite, client, plan);
      const checks = await verifyTables(sqlite, client, plan);
      const ok = checks.every((check) => check.ok);
      await client.query(ok ? "COMMIT" : "ROLLBACK");
      return {
        plan,
        tables: checks.map((check) => ({ ...check, copied: copied.get(check.table)! })),
        sequences,
        ok,
        ms: performance.now() - started,
      };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      sqlite.exec("COMMIT");
    }
  } finally {
    sqlite.close();
    await client.end().catch(() => {});
  }
}

function appliedSqlite(sqlite: Database.Database): string[] | null {
  if (!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = '_prisma_migrations'").get()) return null;
  return (
    sqlite
      .prepare(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      )
      .all() as { migration_name: string }[]
  ).map((row) => row.migration_name);
}

async function appliedPostgres(client: pg.Client, schema: string): Promise<string[] | null> {
  const { rows: exists } = await client.query("SELECT to_regclass($1) AS name", [
    `${quote(schema)}._prisma_migrations`,
  ]);
  if (!exists[0].name) return null;
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM ${quote(schema)}._prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return rows.map((row) => row.migration_name);
}

/** Both databases must be at this version's migrations, so their tables and columns match. */
function assertMigrated(
  label: string,
  provider: "sqlite" | "postgresql",
  applied: string[] | null,
  urlHint: string,
): void {
  const missing = applied === null ? ["all of them"] : missingMigrations(provider, applied);
  if (missing.length > 0)
    throw new Error(
      `The ${label} database is not migrated to this version (missing: ${missing.join(", ")}): ` +
        `run DATABASE_URL=${urlHint} npm run db:migrate first.`,
    );
}

/** Refuses a target with any row in a table to copy: the copy keeps ids, and would collide or mix. */
async function assertEmpty(client: pg.Client, plan: TransferPlan): Promise<void> {
  const filled: string[] = [];
  for (const table of plan.tables) {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${quote(plan.schema)}.${quote(table.name)}`,
    );
    if (rows[0].n !== "0") filled.push(`${table.name} (${rows[0].n} rows)`);
  }
  if (filled.length > 0)
    throw new Error(
      `The PostgreSQL database is not empty: ${filled.join(", ")}. Copy into a freshly migrated database ` +
        "(createdb, then npm run db:migrate with its URL); nothing was written.",
    );
}
