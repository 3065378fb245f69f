/**
 * `npm run export -- [--format json|wxr|blogger] [--with-emails] > file`: the whole blog
 * to standard output (lib/export, README "Moving out"), streamed: written as it is read.
 */
import { once } from "node:events";
import { parseArgs } from "node:util";
import { loadEnvFiles } from "@/lib/env-files.mjs";
import { runOperation } from "./lib/run-cli";

// Before anything reads the environment (lib/env.ts parses it on import).
loadEnvFiles();
const { createDbClient } = await import("@/lib/db/client");
const { config } = await import("@/lib/config");
const { exportBlog } = await import("@/lib/export/run");
const { EXPORT_FORMATS } = await import("@/lib/export/options");

const USAGE = `Usage: npm run export -- [--format ${EXPORT_FORMATS.join("|")}] [--with-emails] > file`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      format: { type: "string", default: "json" },
      "with-emails": { type: "boolean", default: false },
    },
  });
  const format = EXPORT_FORMATS.find((each) => each === values.format);
  if (!format || positionals.length > 0) {
    console.error(USAGE);
    return 2;
  }
  if (process.stdout.isTTY) {
    console.error(`${USAGE}\nThe export goes to standard output: redirect it to a file.`);
    return 2;
  }
  const db = createDbClient();
  try {
    for await (const chunk of exportBlog(db, format, {
      site: config.siteUrl,
      withEmails: values["with-emails"],
    }))
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
    return 0;
  } finally {
    await db.$disconnect();
  }
}

runOperation(main);
