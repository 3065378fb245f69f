/**
 * Idempotent demo seed: run it any number of times and the blog has the demo post, its
 * labels, its 10-comment thread and the About page. The post and its thread come from a
 * Blogger export (seeds/demo/blog.xml) imported through the importer (lib/import), so
 * every fresh install exercises it. It only adds what is missing: a post or page that
 * already exists (the demo one, perhaps edited since by the operator) is never
 * rewritten, and its thread never touched; a demo post the operator removed or renamed
 * after it was imported is not brought back.
 */
import type { DbClient } from "@/lib/db/client";
import { importFile } from "@/lib/import/run";
import { formatReport } from "@/lib/import/report";
import { loadDemoPages, loadDemoPost } from "./demo-content";
import { seedModerator } from "./seed-accounts";

const log = (message: string) => {
  if (process.env.NODE_ENV !== "test") console.log(message);
};

async function seedPost(db: DbClient): Promise<void> {
  const demo = loadDemoPost();
  if (await db.post.findUnique({ where: { slug: demo.slug }, select: { id: true } })) {
    log(`Seed: "${demo.slug}" exists; left as is.`);
    return;
  }
  const imported = { source_kind_sourceId: { source: "blogger", kind: "post", sourceId: demo.sourceId } };
  if (await db.importedItem.findUnique({ where: imported, select: { id: true } })) {
    log(`Seed: the demo post was imported before and has since been renamed or removed; left as is.`);
    return;
  }
  const report = await importFile({ file: demo.exportPath, db });
  if (report.failed.length > 0 || report.imported.posts !== 1)
    throw new Error(`The demo export did not import as expected:\n${formatReport(report)}`);
  const { localId } = await db.importedItem.findUniqueOrThrow({ where: imported, select: { localId: true } });
  // What Blogger cannot say, on the post the import just made (never on an older one).
  await db.post.update({
    where: { id: localId },
    data: {
      standfirst: demo.standfirst,
      sourceName: demo.sourceName,
      coverImageUrl: demo.coverImageUrl,
      coverImageAlt: demo.coverImageAlt,
      coverImageCaption: demo.coverImageCaption,
      viewCount: demo.viewCount,
      shareCount: demo.shareCount,
    },
  });
  log(
    `Seed: imported ${demo.exportFile}: ${report.imported.posts} post, ${report.imported.comments} comments.`,
  );
}

async function seedPages(db: DbClient): Promise<void> {
  for (const page of loadDemoPages()) {
    const fields = {
      title: page.title,
      bodyMarkdown: page.bodyMarkdown,
      navOrder: page.navOrder,
      published: true,
    };
    // An empty update: insert if missing, never overwrite the operator's edits.
    await db.page.upsert({ where: { slug: page.slug }, create: { slug: page.slug, ...fields }, update: {} });
  }
}

/** Seeds the demo post, its thread and the static pages; safe to run repeatedly. */
export async function seedDemo(db: DbClient): Promise<void> {
  await seedPost(db);
  await seedPages(db);
  await seedModerator(db, log);
}
