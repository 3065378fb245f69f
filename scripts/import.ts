/**
 * `npm run import -- <file> [--dry-run] [--as <email>] [--include-spam] [--map a=b] [--fetch-images]`: moves a
 * blog in from a Blogger backup or Takeout feed, a WordPress WXR export, or its comments
 * from a Disqus export (lib/import, README
 * "Moving in"). Safe to run again on the same file: what was imported is left alone.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadEnvFiles } from "@/lib/env-files.mjs";
import { normalizeEmail } from "@/lib/validations/account";
import { runOperation } from "./lib/run-cli";

// Before anything reads the environment (lib/env.ts parses it on import).
loadEnvFiles();
const { createDbClient } = await import("@/lib/db/client");
const { importFile } = await import("@/lib/import/run");
const { ImportError, formatPosition } = await import("@/lib/import/errors");
const { formatReport } = await import("@/lib/import/report");

const { parseUrlMapping } = await import("@/lib/import/disqus");
const { createImageFetcher } = await import("@/lib/import/images");

const USAGE =
  "Usage: npm run import -- <file> [--dry-run] [--as <email>] [--include-spam] [--map old-prefix=new-prefix]… [--fetch-images]";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      as: { type: "string" },
      "include-spam": { type: "boolean", default: false },
      map: { type: "string", multiple: true, default: [] },
      "fetch-images": { type: "boolean", default: false },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`No such file: ${file}`);
    return 2;
  }
  let mappings;
  try {
    mappings = values.map.map(parseUrlMapping);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  const db = createDbClient();
  try {
    let authorId: string | null = null;
    if (values.as) {
      const email = normalizeEmail(values.as);
      const user = await db.user.findUnique({ where: { email }, select: { id: true } });
      if (!user) {
        console.error(`No user with email ${email}.`);
        return 2;
      }
      authorId = user.id;
    }
    const report = await importFile({
      file,
      db,
      dryRun: values["dry-run"],
      authorId,
      includeSpam: values["include-spam"],
      mappings,
      images: values["fetch-images"] ? createImageFetcher() : undefined,
    }).catch((error: unknown) => {
      if (error instanceof ImportError)
        throw new Error(`${formatPosition(file, error.position)}: ${error.message}`);
      throw error;
    });
    console.log(formatReport(report));
    const wrote = report.imported.posts + report.imported.pages + report.imported.comments > 0;
    if (wrote && !report.dryRun)
      console.log("A running server still shows cached pages: `npm run cache:expire` renders them afresh.");
    return report.failed.length > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

runOperation(main);
