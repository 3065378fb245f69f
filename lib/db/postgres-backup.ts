import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Backups of a PostgreSQL database with PostgreSQL's own tools: `pg_dump` in its custom
 * format (one consistent snapshot, taken while the blog runs; writers are not held up)
 * and `pg_restore` in one transaction (all or nothing). The tools come from PG_BIN, the
 * newest /usr/lib/postgresql/<version>/bin that has them (Debian's layout) or PATH.
 * Callers pass the environment the tools run in: these are command-line operations, not
 * runtime code, and the app's settings are not theirs.
 */
export type ToolEnv = Record<string, string | undefined>;
export type PostgresToolOptions = { env: ToolEnv };

const DEBIAN_ROOT = "/usr/lib/postgresql";
// Connection parameters Prisma reads from the URL that libpq would refuse.
const PRISMA_ONLY_PARAMS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
  "sslaccept",
];

/** The path of `pg_dump` or `pg_restore`; throws naming what to install if none is found. */
export function postgresTool(name: "pg_dump" | "pg_restore", env: ToolEnv): string {
  const candidates: string[] = [];
  if (env.PG_BIN) candidates.push(path.join(env.PG_BIN, name));
  else {
    if (existsSync(DEBIAN_ROOT))
      for (const version of readdirSync(DEBIAN_ROOT).sort((a, b) => Number(b) - Number(a)))
        candidates.push(path.join(DEBIAN_ROOT, version, "bin", name));
    for (const dir of (env.PATH ?? "").split(path.delimiter).filter(Boolean))
      candidates.push(path.join(dir, name));
  }
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here: try the next
    }
  }
  throw new Error(
    `${name} was not found${env.PG_BIN ? ` in PG_BIN (${env.PG_BIN})` : ""}: install PostgreSQL's client programs ` +
      `(Debian: apt-get install postgresql-client), as new as the server, or set PG_BIN to the folder that has them.`,
  );
}

/**
 * A database URL as libpq takes it on a command line, without its password (which would
 * show in the process list): the password goes in PGPASSWORD instead, and the parameters
 * only Prisma understands are dropped.
 */
export function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  for (const name of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(name);
  return { dbname: parsed.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/**
 * `pg_dump --format=custom` of the database at `url` into `destination`, which must not
 * exist. The dump is written beside it and renamed once `pg_restore --list` reads it
 * whole, so a file under that name is always a complete dump.
 */
export async function dumpPostgres(
  url: string,
  destination: string,
  { env }: PostgresToolOptions,
): Promise<void> {
  const target = path.resolve(destination);
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
  const partial = `${target}.partial`;
  const connection = libpqConnection(url);
  try {
    await runTool(postgresTool("pg_dump", env), ["--format=custom", "--no-password", `--file=${partial}`], {
      env,
      connection,
    });
    await checkDumpFile(partial, { env });
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** Throws unless `file` is a whole custom-format dump of a Commonplace database. */
export async function checkDumpFile(file: string, { env }: PostgresToolOptions): Promise<void> {
  if (!existsSync(file)) throw new Error(`${file} does not exist.`);
  let listing: string;
  try {
    listing = await runTool(postgresTool("pg_restore", env), ["--list", file], { env });
  } catch (error) {
    throw new Error(`${file} is not a readable pg_dump archive (custom format): ${(error as Error).message}`);
  }
  if (!/TABLE DATA \S+ _prisma_migrations /.test(listing))
    throw new Error(`${file} is a pg_dump archive, but not of a Commonplace database.`);
}

export type PostgresRestoreOptions = PostgresToolOptions & {
  /** Replace what the database holds (after saving it beside the backup). */
  clean?: boolean;
  /** Restore although other sessions are connected to the database. */
  force?: boolean;
};

/**
 * Restores a dump into the database at `url` with `pg_restore --single-transaction`:
 * it succeeds whole or changes nothing. The database must be empty, or `clean` given:
 * then its current contents are first dumped beside the backup (returned as `previous`)
 * and the restore drops and recreates every object the dump holds. Other sessions on the
 * database (a running blog) refuse the restore unless `force` is given.
 */
export async function restorePostgres(
  file: string,
  url: string,
  { env, clean = false, force = false }: PostgresRestoreOptions,
): Promise<{ previous: string | null }> {
  await checkDumpFile(file, { env });
  const { tables, sessions, database } = await describeTarget(url);
  if (tables > 0 && !clean)
    throw new Error(
      `Database "${database}" is not empty (${tables} tables): restore into an empty database, or pass --clean to replace its contents.`,
    );
  if (sessions > 0 && !force)
    throw new Error(
      `${sessions} other session(s) are connected to database "${database}": stop the blog first, or pass --force.`,
    );

  let previous: string | null = null;
  if (tables > 0) {
    const stamp = new Date().toISOString().replace(/[:.]/g, "-");
    previous = path.join(path.dirname(path.resolve(file)), `${database}-before-restore-${stamp}.dump`);
    await dumpPostgres(url, previous, { env });
  }
  await runTool(
    postgresTool("pg_restore", env),
    [
      "--no-password",
      "--no-owner",
      "--no-acl",
      "--single-transaction",
      ...(clean ? ["--clean", "--if-exists"] : []),
      file,
    ],
    { env, connection: libpqConnection(url) },
  );
  return { previous };
}

async function describeTarget(url: string): Promise<{ database: string; tables: number; sessions: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ database: string; tables: number; sessions: number }>(`
      SELECT current_database() AS database,
        (SELECT count(*)::int FROM pg_tables
          WHERE schemaname NOT IN ('pg_catalog', 'information_schema')) AS tables,
        (SELECT count(*)::int FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()) AS sessions`);
    return rows[0];
  } finally {
    await client.end();
  }
}

/** Runs a PostgreSQL tool to completion; resolves with its output, or throws with its errors. */
function runTool(
  command: string,
  args: string[],
  { env, connection }: PostgresToolOptions & { connection?: ReturnType<typeof libpqConnection> },
): Promise<string> {
  const fullArgs = connection ? [`--dbname=${connection.dbname}`, ...args] : args;
  return new Promise((resolve, reject) => {
    const child = spawn(command, fullArgs, {
      env: { ...env, ...connection?.env } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) return resolve(Buffer.concat(out).toString("utf8"));
      const message = Buffer.concat(err).toString("utf8").trim() || `exit ${code ?? signal}`;
      reject(new Error(`${path.basename(command)} failed: ${message}`));
    });
  });
}
