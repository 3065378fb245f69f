// A throwaway PostgreSQL cluster for tests (docs/decisions/016): initdb + pg_ctl from the
// server binaries on the machine, data under data/pg-test, listening on a Unix socket in
// that folder and on 127.0.0.1 with a free port. Trust authentication and fsync off: it
// holds test data only and is never reachable from another machine.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export const PG_TEST_DIR = "data/pg-test";
/** The superuser initdb creates; tests connect as it. */
const ROLE = "commonplace";
/** PostgreSQL refuses to run as root; root runs it as this user (the Debian package's). */
const SERVICE_USER_CANDIDATES = ["postgres", "nobody"];

/** The server binaries: PG_BIN, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(env = process.env) {
  if (env.PG_BIN) return env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(path.join(root, name, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0)
    throw new Error(
      "No PostgreSQL server binaries found: install Debian's postgresql package or set PG_BIN.",
    );
  return path.join(root, versions[0], "bin");
}

/** Who runs the server: the current user, or a service user when that is root. */
function serviceUser() {
  if (process.getuid?.() !== 0) return null;
  for (const name of SERVICE_USER_CANDIDATES) {
    try {
      const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
      return { name, uid, gid };
    } catch {
      // no such user: try the next
    }
  }
  throw new Error(
    `Running as root and none of ${SERVICE_USER_CANDIDATES.join(", ")} exists to run PostgreSQL.`,
  );
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a fresh cluster (any earlier one in `dir` is removed) and returns its URLs and
 * a stop function. `url(database)` names a database on it; `createDatabase` makes one.
 * Tests skip durability (no fsync) for speed; `durable: true` keeps PostgreSQL's
 * defaults, for benchmarks that compare it with SQLite fairly.
 */
export async function startPostgres({ dir = PG_TEST_DIR, durable = false } = {}) {
  const bin = postgresBinDir();
  const user = serviceUser();
  const dataDir = path.resolve(dir, "data");
  const socketDir = path.resolve(dir, "socket");
  const runAs = (command, args) =>
    execFileSync(
      user ? "runuser" : path.join(bin, command),
      user ? ["-u", user.name, "--", path.join(bin, command), ...args] : args,
      { stdio: "pipe", encoding: "utf8" },
    );

  stopCluster(dataDir, runAs); // a cluster left behind by an interrupted run
  rmSync(dir, { recursive: true, force: true });
  // Parents with the default mode: the service user must be able to pass through them.
  mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  for (const folder of [dir, dataDir, socketDir]) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    if (user) chownSync(folder, user.uid, user.gid);
  }
  runAs("initdb", ["-D", dataDir, "-U", ROLE, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${socketDir}`,
    "-c listen_addresses=127.0.0.1",
    ...(durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
    "-c max_connections=200",
  ].join(" ");
  runAs("pg_ctl", ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-o", options, "-w", "start"]);

  const url = (database = "postgres") => `postgresql://${ROLE}@127.0.0.1:${port}/${database}`;
  return {
    port,
    socketDir,
    url,
    /** Creates `database` (dropping any earlier one) and returns its URL. */
    async createDatabase(database) {
      await recreateDatabase(url(database));
      return url(database);
    },
    stop() {
      stopCluster(dataDir, runAs);
    },
  };
}

function stopCluster(dataDir, runAs) {
  if (!existsSync(path.join(dataDir, "postmaster.pid"))) return;
  try {
    runAs("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
  } catch (error) {
    console.error(`pg_ctl stop failed: ${error.stderr ?? error.message}`);
  }
}

/** The database a PostgreSQL URL names. */
export function databaseName(databaseUrl) {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

/** The URL of another database on the same server (same user, host and options). */
export function siblingDatabaseUrl(databaseUrl, database) {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A database name to put into DDL: plain identifiers only. */
function identifier(name) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name ${name}`);
  return `"${name}"`;
}

/**
 * Drops the database `databaseUrl` names (ending its connections) and creates it again:
 * empty, or a copy of the database `template` on the same server. Connects to the
 * server's `postgres` database to do it.
 */
export async function recreateDatabase(databaseUrl, { template } = {}) {
  const name = identifier(databaseName(databaseUrl));
  const client = new pg.Client({ connectionString: siblingDatabaseUrl(databaseUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${identifier(template)}` : ""}`);
  } finally {
    await client.end();
  }
}

/** Drops the database `databaseUrl` names, if it exists, ending its connections. */
export async function dropDatabase(databaseUrl) {
  const name = identifier(databaseName(databaseUrl));
  const client = new pg.Client({ connectionString: siblingDatabaseUrl(databaseUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a throwaway cluster in `dir`, runs `command` (output inherited) with the
 * variables `env(cluster)` returns added to the environment, stops the cluster whatever
 * happened and returns the command's exit status. Ctrl-C reaches the command too: this
 * process waits for it to finish, then stops the cluster.
 */
export async function runWithThrowawayCluster({ dir, command, args, env }) {
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => {});
  const cluster = await startPostgres({ dir });
  try {
    const result = spawnSync(command, args, {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env(cluster) },
    });
    return result.status ?? 1;
  } finally {
    cluster.stop();
  }
}
