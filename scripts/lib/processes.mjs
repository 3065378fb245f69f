// Starts and stops the servers of a run. Each runs in its own process group so that
// stopping it stops its children too; every start is stopped on exit, error or Ctrl-C.
import { spawn } from "node:child_process";
import { openSync, readFileSync } from "node:fs";

const running = new Set();

export function startProcess(command, args, { env, logFile }) {
  const log = openSync(logFile, "a");
  const child = spawn(command, args, { env, detached: true, stdio: ["ignore", log, log] });
  running.add(child);
  child.on("exit", () => running.delete(child));
  return child;
}

export async function stopProcess(child) {
  if (!running.has(child)) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

export function stopAllSync() {
  for (const child of running) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Polls `url` until it answers (any status below 500) or `timeoutMs` passes. */
export async function waitForHttp(url, child, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * On Ctrl-C or SIGTERM: every process started here killed, then `cleanUp` (a database
 * cluster, temporary files), then exit 130.
 */
export function stopAllOnInterrupt(cleanUp = () => {}) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopAllSync();
      cleanUp();
      process.exit(130);
    });
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, ms) a process has used, from /proc: unlike latency, it hardly
 * moves when other work shares the machine, so it compares two versions fairly.
 */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}
