import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Pages copied per step: about 1 MiB at SQLite's default 4 KiB page size. */
const PAGES_PER_STEP = 256;
const COMPANIONS = ["-wal", "-shm", "-journal"];

/**
 * A consistent copy of a live database through SQLite's online backup API, in small steps
 * with the event loop free between them. In WAL mode a step only reads a snapshot, so the
 * backup never takes the write lock and writers are not held up. A write from another
 * connection restarts the copy; each restart doubles the step so a busy blog still ends.
 * The copy is written beside the destination and gets its name only once SQLite's
 * integrity check passes, so a file under that name is always a sound backup.
 */
export async function backupDatabase(
  source: string,
  destination: string,
): Promise<{ totalPages: number; restarts: number }> {
  const target = path.resolve(destination);
  if (path.resolve(source) === target) throw new Error("The backup file must not be the database itself.");
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
  const partial = `${target}.partial`;
  removeDatabaseFiles(partial);
  const db = new Database(source, { fileMustExist: true });
  let step = PAGES_PER_STEP;
  let restarts = 0;
  let lastRemaining = Infinity;
  try {
    const { totalPages } = await db.backup(partial, {
      progress: ({ remainingPages }) => {
        if (remainingPages > lastRemaining) {
          restarts++;
          step *= 2;
        }
        lastRemaining = remainingPages;
        return step;
      },
    });
    checkBackupFile(partial);
    renameSync(partial, target);
    return { totalPages, restarts };
  } finally {
    db.close();
    removeDatabaseFiles(partial);
  }
}

/**
 * Throws unless `file` is a sound Commonplace database: SQLite's integrity check passes
 * and it has Prisma's migrations table. Returns the migrations it has applied.
 */
export function checkBackupFile(file: string): { migrations: string[] } {
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} is not a SQLite database: ${(error as Error).message}`);
  }
  try {
    let problems: string[];
    try {
      const rows = db.pragma("integrity_check") as { integrity_check: string }[];
      problems = rows.map((row) => row.integrity_check);
    } catch (error) {
      throw new Error(`${file} is not a sound SQLite database: ${(error as Error).message}`);
    }
    if (problems.join() !== "ok")
      throw new Error(`${file} fails SQLite's integrity check: ${problems.slice(0, 5).join("; ")}`);
    const hasMigrations = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'")
      .get();
    if (!hasMigrations) throw new Error(`${file} is a SQLite database, but not one of Commonplace's.`);
    const rows = db
      .prepare(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
      )
      .all() as { migration_name: string }[];
    return { migrations: rows.map((row) => row.migration_name) };
  } finally {
    db.close();
  }
}

export type SqliteRestoreResult = {
  /** Where the database that was replaced now is, or null if there was none. */
  previous: string | null;
  migrations: string[];
};

/**
 * Puts the backup `backupFile` in place of the database file `databaseFile`, which no
 * program may have open: a running blog would go on writing into the file it already
 * has open, the one set aside, and those writes would be lost. That is checked, not
 * assumed: leaving WAL mode needs every other connection closed. The backup is checked
 * first and copied beside the database, so a bad backup or a full disk leaves the
 * database untouched; the database it replaces is kept as `<file>.before-restore-<time>`.
 */
export async function restoreDatabase(
  backupFile: string,
  databaseFile: string,
): Promise<SqliteRestoreResult> {
  const target = path.resolve(databaseFile);
  if (path.resolve(backupFile) === target) throw new Error("The backup file is the database itself.");
  const { migrations } = checkBackupFile(backupFile);

  const staged = `${target}.restoring`;
  removeDatabaseFiles(staged);
  try {
    const source = new Database(backupFile, { readonly: true, fileMustExist: true });
    try {
      await source.backup(staged);
    } finally {
      source.close();
    }
    checkBackupFile(staged);

    let previous: string | null = null;
    if (existsSync(target)) {
      assertNotInUse(target);
      previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`;
      for (const suffix of ["", ...COMPANIONS])
        if (existsSync(target + suffix)) renameSync(target + suffix, previous + suffix);
    }
    renameSync(staged, target);
    return { previous, migrations };
  } finally {
    removeDatabaseFiles(staged);
  }
}

/**
 * Throws if another connection has the database open. Switching a WAL database to
 * rollback journaling needs exclusive access (and folds the WAL into the file, so the
 * file alone is then the whole database); a busy timeout of 0 makes it fail at once.
 */
function assertNotInUse(file: string): void {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("journal_mode = DELETE");
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY"))
      throw new Error(
        `${file} is in use: stop the blog (and any other program that has the database open) before restoring.`,
      );
    throw error;
  } finally {
    db.close();
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of ["", ...COMPANIONS]) rmSync(file + suffix, { force: true });
}
