/**
 * `npm run user:role -- <email> <role>`: grants a role (commenter, moderator, admin).
 * Takes effect on the user's next action: guards read the role from the database. The
 * staff badge by their comments is on cached pages: the change is written to the shared
 * expiry log, and every running server expires its pages within CACHE_EXPIRY_POLL_MS
 * (docs/decisions/021, 024).
 */
import { isRole, ROLES } from "@/lib/auth/permissions";
import { loadEnvFiles } from "@/lib/env-files.mjs";
import { normalizeEmail } from "@/lib/validations/account";
import { runCli } from "./lib/run-cli";

// Before anything reads the environment (lib/env.ts parses it on import).
loadEnvFiles();
const { createDbClient } = await import("@/lib/db/client");
const { recordCacheExpiry } = await import("@/lib/data/cache-expiries");
const { EVERYTHING_TAG } = await import("@/lib/cache/tags");

async function main(): Promise<number> {
  const [emailArg, role] = process.argv.slice(2);
  if (!emailArg || !role || !isRole(role)) {
    console.error(`Usage: npm run user:role -- <email> <${ROLES.join("|")}>`);
    return 2;
  }
  const email = normalizeEmail(emailArg);
  const db = createDbClient();
  try {
    const result = await db.user.updateMany({ where: { email }, data: { role } });
    if (result.count === 0) {
      console.error(`No user with email ${email}.`);
      return 1;
    }
    await recordCacheExpiry(db, [EVERYTHING_TAG], "user:role");
    console.log(`${email} is now ${role}; cached pages are expired (the staff badge by their comments).`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

runCli(main);
