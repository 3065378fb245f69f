#!/usr/bin/env node
// `npm run cluster:demo`: the production recipe of the README ("Running in production")
// on one machine, with throwaway parts: a fresh PostgreSQL cluster (scripts/lib/postgres.mjs),
// migrated, with a first admin; N instances of server.mjs serving one build; nginx in
// front, balancing them round-robin with docs/nginx/commonplace.conf. Ctrl-C or SIGTERM
// stops everything it started. The e2e run through nginx (npm run test:e2e:cluster)
// starts it too, and reads the state file it writes (docs/decisions/022).
//
// Settings (environment): CLUSTER_NGINX_PORT (8080), CLUSTER_APP_PORT (3001: the first
// instance; the others take the next ports), CLUSTER_INSTANCES (2), CLUSTER_PG_DIR
// (data/pg-cluster), SEED_DEMO=1 (the demo post and moderator), ADMIN_EMAIL
// (admin@example.test) and ADMIN_PASSWORD (else one is generated and printed),
// REBUILD=1 (build even when .next holds a build). Anything else in the environment
// (COMMENT_MIN_INTERVAL_SECONDS, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, ...) reaches the
// build and every instance alike.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { CLUSTER_STATE_FILE, writeClusterState } from "./lib/cluster-state.mjs";
import { renderSite, startNginx } from "./lib/nginx.mjs";
import { startPostgres } from "./lib/postgres.mjs";
import { startProcess, stopProcess, waitForHttp } from "./lib/processes.mjs";
import { runStep } from "./lib/run.mjs";

const DIR = path.resolve("data/cluster");
const NGINX_PORT = Number(process.env.CLUSTER_NGINX_PORT ?? 8080);
const FIRST_APP_PORT = Number(process.env.CLUSTER_APP_PORT ?? 3001);
const INSTANCES = Number(process.env.CLUSTER_INSTANCES ?? 2);
const PG_DIR = process.env.CLUSTER_PG_DIR ?? "data/pg-cluster";
const ORIGIN = `http://127.0.0.1:${NGINX_PORT}`;
const STARTUP_TIMEOUT_MS = 180_000;

const log = (message) => console.log(`[cluster] ${message}`);
const started = { postgres: null, instances: [], nginx: null };
let stopping = false;

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  log("stopping nginx, the instances and PostgreSQL");
  // nginx first: no request reaches an instance that is going away.
  if (started.nginx) await stopProcess(started.nginx);
  // SIGTERM: each finishes its requests in flight and writes what it buffered (server.mjs).
  await Promise.all(started.instances.map(({ child }) => stopProcess(child)));
  started.postgres?.stop();
  process.exit(exitCode);
}

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => void stopAll(0));

/** What every step shares: one database, one secret, one public origin, one proxy. */
function clusterEnv(databaseUrl) {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    SITE_URL: ORIGIN,
    AUTH_URL: ORIGIN,
    AUTH_TRUST_HOST: "true",
    // Sessions made by one instance are read by the others: the same secret everywhere.
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    // nginx on this machine appends the client's address to X-Forwarded-For: believe it.
    TRUSTED_PROXIES: "127.0.0.1",
    // One folder for every instance, as one machine allows.
    UPLOAD_DIR: path.join(DIR, "uploads"),
  };
}

async function main() {
  mkdirSync(path.join(DIR, "logs"), { recursive: true });
  rmSync(CLUSTER_STATE_FILE, { force: true });

  log(`PostgreSQL: a fresh cluster in ${PG_DIR}`);
  started.postgres = await startPostgres({ dir: PG_DIR });
  const databaseUrl = await started.postgres.createDatabase("commonplace");
  const env = clusterEnv(databaseUrl);

  // The production steps, in the README's order: build once, migrate, first admin.
  if (!existsSync(".next/BUILD_ID") || process.env.REBUILD === "1") {
    log("building once (next build); every instance serves this build");
    runStep("npx", ["next", "build"], env);
  }
  log("migrating (npm run db:migrate)");
  runStep("npm", ["run", "--silent", "db:migrate"], env);
  const admin = {
    email: process.env.ADMIN_EMAIL ?? "admin@example.test",
    password: process.env.ADMIN_PASSWORD ?? `cluster-demo-${randomBytes(12).toString("base64url")}`,
  };
  runStep("npm", ["run", "--silent", "user:create-admin", "--", admin.email, "Cluster Admin"], {
    ...env,
    ADMIN_PASSWORD: admin.password,
  });
  if (process.env.SEED_DEMO === "1") {
    log("seeding the demo (SEED_DEMO=1)");
    runStep("npm", ["run", "--silent", "db:seed"], {
      ...env,
      MODERATOR_EMAIL: process.env.MODERATOR_EMAIL ?? "moderator@commonplace.local",
      MODERATOR_PASSWORD: process.env.MODERATOR_PASSWORD ?? "moderate-the-demo-thread",
    });
  }

  for (let i = 0; i < INSTANCES; i++) {
    const name = String.fromCharCode(97 + i); // a, b, c, …
    const port = FIRST_APP_PORT + i;
    const child = startProcess(process.execPath, ["server.mjs"], {
      // INSTANCE_NAME: each answer says which instance served it (X-Instance).
      env: { ...env, PORT: String(port), HOST: "127.0.0.1", INSTANCE_NAME: name },
      logFile: path.join(DIR, "logs", `app-${name}.log`),
    });
    child.on("exit", (code, signal) => {
      if (!stopping) log(`instance ${name} (pid ${child.pid}) exited: ${signal ?? `code ${code}`}`);
    });
    started.instances.push({ name, port, child });
  }
  for (const { name, port, child } of started.instances) {
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, child, STARTUP_TIMEOUT_MS);
    log(`instance ${name} ready on 127.0.0.1:${port} (pid ${child.pid})`);
  }

  const prefix = path.join(DIR, "nginx");
  started.nginx = startNginx({
    prefix,
    site: renderSite({
      upstreams: started.instances.map(({ port }) => `127.0.0.1:${port}`),
      listen: `127.0.0.1:${NGINX_PORT}`,
      cacheDir: path.join(prefix, "cache"),
    }),
    accessLog: true,
    logFile: path.join(DIR, "logs", "nginx.log"),
  });
  const state = {
    origin: ORIGIN,
    databaseUrl,
    admin,
    instances: started.instances.map(({ name, port, child }) => ({ name, port, pid: child.pid })),
    nginxPid: started.nginx.pid,
  };
  // Before nginx answers: whoever waits for it (the e2e run) then finds the state written.
  writeClusterState(state);
  await waitForHttp(`${ORIGIN}/api/health`, started.nginx, 30_000);

  console.log(`
Commonplace runs on ${ORIGIN} (nginx, round-robin over ${INSTANCES} instances):
${state.instances.map(({ name, port, pid }) => `  instance ${name}: http://127.0.0.1:${port} (pid ${pid})`).join("\n")}
  database: ${databaseUrl} (throwaway, in ${PG_DIR})
  admin: ${admin.email} / ${admin.password} (sign in at ${ORIGIN}/signin)
  logs: data/cluster/logs/ and data/cluster/nginx/logs/access.log (upstream= names the instance)
Every answer carries X-Instance. Kill an instance (kill -9 <pid>) and the blog carries on.
Ctrl-C stops everything.`);
}

main().catch((error) => {
  console.error(`[cluster] ${error.stack ?? error}`);
  void stopAll(1);
});
