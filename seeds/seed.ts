/** `npm run db:seed`: the demo content into the configured database. */
import { createDbClient } from "@/lib/db-client";
import { seedDemo } from "./seed-demo";

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
