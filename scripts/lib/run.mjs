import { spawn, spawnSync } from "node:child_process";
import { createWriteStream } from "node:fs";

/** Runs a command to completion, inheriting output; throws if it fails (the caller cleans up). */
export function runStep(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    const error = new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
}

/** Runs a command to completion, inheriting output; exits the script if it fails. */
export function run(command, args, env = process.env) {
  try {
    runStep(command, args, env);
  } catch (error) {
    console.error(`\n${error.message}`);
    process.exit(error.exitCode);
  }
}

/**
 * Hands the process over to a long-running command, forwarding stop signals. With
 * `teeTo`, its standard output is also appended to that file (the e2e suite reads the
 * server's log).
 */
export function runFinal(command, args, env = process.env, { teeTo } = {}) {
  const child = spawn(command, args, { stdio: ["inherit", teeTo ? "pipe" : "inherit", "inherit"], env });
  if (teeTo) {
    const file = createWriteStream(teeTo, { flags: "a" });
    child.stdout.on("data", (chunk) => {
      process.stdout.write(chunk);
      file.write(chunk);
    });
  }
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
