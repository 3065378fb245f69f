#!/usr/bin/env node
// `npm run dev`: development server with hot reload, on a migrated and seeded database.
import { localEnv, prepareDatabase } from "./lib/prepare.mjs";
import { run, runFinal } from "./lib/run.mjs";

run("node", ["scripts/ensure-deps.mjs"]);
const env = localEnv({ dev: true });
prepareDatabase(env);
runFinal("npx", ["next", "dev", ...process.argv.slice(2)], env);
