import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Pages copied per step: about 1 MiB at SQLite's default 4 KiB page size. */
const PAGES_PER_STEP = 256;

/**
 * A consistent copy of a live database through SQLite's online backup API, in small steps
 * with the event loop free between them. In WAL mode a step only reads a snapshot, so the
 * backup never takes the write lock and writers are not held up. A write from another
 * connection restarts the copy; each restart doubles the step so a busy blog still ends.
 */
export async function backupDatabase(
  source: string,
  destination: string,
): Promise<{ totalPages: number; restarts: number }> {
  const target = path.resolve(destination);
  if (path.resolve(source) === target) throw new Error("The backup file must not be the database itself.");
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
  const db = new Database(source, { fileMustExist: true });
  let step = PAGES_PER_STEP;
  let restarts = 0;
  let lastRemaining = Infinity;
  try {
    const { totalPages } = await db.backup(target, {
      progress: ({ remainingPages }) => {
        if (remainingPages > lastRemaining) {
          restarts++;
          step *= 2;
        }
        lastRemaining = remainingPages;
        return step;
      },
    });
    return { totalPages, restarts };
  } finally {
    db.close();
  }
}
