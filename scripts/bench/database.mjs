// The database a benchmark runs on: the SQLite file the content was generated into
// (default), or with BENCH_DATABASE=postgresql a throwaway PostgreSQL cluster with
// durable settings (fsync on, as SQLite's file is), filled from that file by
// `npm run db:migrate:sqlite-to-postgres` — the same content, verified by its checksums.
import path from "node:path";
import pg from "pg";
import { startPostgres } from "../lib/postgres.mjs";
import { run } from "../lib/run.mjs";
import { benchUsers, countStoredReplies, tallyStored } from "./data.mjs";
import { BENCH_DIR, DB_FILE } from "./env.mjs";

export const BENCH_DATABASE = process.env.BENCH_DATABASE === "postgresql" ? "postgresql" : "sqlite";

/**
 * Returns { kind, url, countStored(keys), stop() } for the content in DB_FILE. On
 * PostgreSQL it starts the cluster, migrates an empty database and copies the file in.
 */
export async function openBenchDatabase(env, kind = BENCH_DATABASE) {
  if (kind === "sqlite") {
    return {
      kind: "sqlite",
      url: env.DATABASE_URL,
      countStored: async (keys) => countStoredReplies(DB_FILE, keys),
      stop() {},
    };
  }
  const cluster = await startPostgres({ dir: path.join(BENCH_DIR, "postgres"), durable: true });
  try {
    const url = await cluster.createDatabase("commonplace_bench");
    const pgEnv = { ...env, DATABASE_URL: url };
    run("npx", ["prisma", "migrate", "deploy"], pgEnv);
    run("npx", ["tsx", "scripts/migrate-sqlite-to-postgres.ts", DB_FILE, url], pgEnv);
    return {
      kind: "postgresql",
      url,
      countStored: (keys) => countStoredRepliesPostgres(url, keys),
      stop: () => cluster.stop(),
    };
  } catch (error) {
    cluster.stop();
    throw error;
  }
}

async function countStoredRepliesPostgres(url, keys) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT "idempotencyKey" AS key, COUNT(*)::int AS n FROM "Comment"
       WHERE "idempotencyKey" = ANY($1) AND "authorId" = ANY($2)
       GROUP BY "authorId", "idempotencyKey"`,
      [keys, benchUsers().map((user) => user.id)],
    );
    return tallyStored(keys, new Map(rows.map((row) => [row.key, row.n])));
  } finally {
    await client.end();
  }
}
