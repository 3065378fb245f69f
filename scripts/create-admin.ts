/**
 * `npm run user:create-admin -- <email> [name]`: the first account of a fresh blog
 * (production starts empty; the demo seed is opt-in). The password comes from
 * ADMIN_PASSWORD, else from standard input: typed at a hidden prompt on a terminal, or
 * the first line of a pipe (`printf '%s\n' "$PASSWORD" | npm run user:create-admin -- …`).
 * Never from the command line, where other users of the machine could read it.
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { loadEnvFiles } from "@/lib/env-files.mjs";
import { runCli } from "./lib/run-cli";

// Before anything reads the environment (lib/env.ts parses it on import).
loadEnvFiles();
const { createInitialAdmin } = await import("@/lib/auth/initial-admin");
const { db } = await import("@/lib/db");

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const terminal = process.stdin.isTTY;
  if (terminal) process.stdout.write("Password (at least 15 characters, not shown): ");
  // On a terminal, swallow the echo; a pipe has none.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: silent, terminal });
  try {
    for await (const line of lines) return line;
    return "";
  } finally {
    lines.close();
    if (terminal) process.stdout.write("\n");
  }
}

async function main(): Promise<number> {
  const [email, name = "Administrator"] = process.argv.slice(2);
  if (!email) {
    console.error("Usage: npm run user:create-admin -- <email> [name]   (password: ADMIN_PASSWORD or stdin)");
    return 2;
  }
  try {
    const result = await createInitialAdmin({ email, name, password: await readPassword() });
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    console.log(`${result.email} is an admin; sign in at /signin.`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

runCli(main);
