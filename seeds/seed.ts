/** `npm run db:seed`: the demo content into the configured database. */
import { loadEnvFiles } from "@/lib/env-files.mjs";

// Before anything reads the environment (lib/env.ts parses it on import).
loadEnvFiles();
const { createDbClient } = await import("@/lib/db/client");
const { seedDemo } = await import("./seed-demo");

async function main(): Promise<void> {
  const db = createDbClient();
  try {
    await seedDemo(db);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
