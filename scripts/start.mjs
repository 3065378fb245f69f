#!/usr/bin/env node
// `npm start`: the whole quick start in one command. Installs dependencies if needed,
// creates/migrates/seeds the embedded SQLite database, builds once, and serves the blog.
import { existsSync } from "node:fs";
import { localEnv, prepareDatabase } from "./lib/prepare.mjs";
import { run, runFinal } from "./lib/run.mjs";

run("node", ["scripts/ensure-deps.mjs"]);

const port = process.env.PORT ?? "3000";
const env = localEnv();
prepareDatabase(env);
if (!existsSync(".next/BUILD_ID") || process.env.REBUILD === "1") run("npx", ["next", "build"], env);
runFinal(process.execPath, ["server.mjs"], { ...env, PORT: port });
