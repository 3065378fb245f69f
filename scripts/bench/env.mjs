// Settings of one `npm run bench:http` run: where its files live and the environment the
// seed, the build and `next start` all share.
import { mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = process.cwd();
export const BENCH_DIR = path.join(ROOT, "data/bench");
export const DB_FILE = path.join(BENCH_DIR, "http.db");
export const PORT = Number(process.env.BENCH_PORT ?? 3290);
export const NGINX_PORT = Number(process.env.BENCH_NGINX_PORT ?? 3291);
export const ORIGIN = `http://127.0.0.1:${PORT}`;
/** Seconds of load per URL (autocannon). */
export const DURATION = Number(process.env.BENCH_DURATION ?? 8);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
export const BENCH_USERS = 50;

export function benchEnv() {
  mkdirSync(BENCH_DIR, { recursive: true });
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:./${path.relative(ROOT, DB_FILE)}`,
    SITE_URL: ORIGIN,
    AUTH_URL: ORIGIN,
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-only-secret-not-for-production-0123456789abcdef",
    // Production mode seeds nothing by itself (scripts/lib/prepare.mjs): the suite reads the demo.
    SEED_DEMO: "1",
    MODERATOR_EMAIL: "moderator@commonplace.local",
    MODERATOR_PASSWORD: "moderate-the-demo-thread",
    // The view-counter load sends one X-Forwarded-For address per simulated visitor from
    // this machine: declared as the proxy in front, it is believed (docs/decisions/015).
    TRUSTED_PROXIES: "127.0.0.1, ::1",
    // The bench users reply as fast as the server lets them; flood rules are not measured.
    COMMENT_MIN_INTERVAL_SECONDS: "0",
    COMMENTS_PER_HOUR: "10000",
  };
}

/** The machine the figures were taken on, printed and stored with them. */
export function machine() {
  const cpu =
    readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.+)/)?.[1] ??
    os.cpus()[0]?.model ??
    "unknown";
  return {
    nproc: os.availableParallelism(),
    cpu,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
  };
}
