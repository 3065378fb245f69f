/**
 * Run by e2e/fixtures.ts through tsx: copies the demo post and its 10-comment thread
 * under a new slug in the e2e database and prints nothing but the slug's post id.
 */
import { createDbClient } from "@/lib/db/client";
import { seedDemoPostCopy } from "@/seeds/seed-demo";

const slug = process.argv[2];
if (!slug || !/^[a-z0-9-]+$/.test(slug)) throw new Error("Usage: clone-demo-post <slug>");
const db = createDbClient();
const post = await seedDemoPostCopy(db, slug);
await db.$disconnect();
process.stdout.write(String(post.id));
