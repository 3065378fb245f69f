import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPost, uniqueSlug } from "@/tests/support/factories";
import { localId, resetImports, runImport, tempFile } from "@/tests/support/imports";

const BLOG = "tag:blogger.com,1999:blog-4040";

function takeout(slug: string): string {
  const entry = (id: string, type: string, filename: string, title: string) => `<entry>
<id>${BLOG}.${id}</id><blogger:type>${type}</blogger:type><blogger:status>LIVE</blogger:status>
<author><name>Hana</name><blogger:type>BLOGGER</blogger:type></author>
<title>${title}</title><content type='html'>&lt;p&gt;Imported ${title}.&lt;/p&gt;</content>
<published>2024-06-10T10:00:00.000Z</published><blogger:filename>${filename}</blogger:filename></entry>`;
  return `<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
<id>${BLOG}</id>
${entry("page-1", "PAGE", `/p/${slug}.html`, "Imported page")}
${entry("post-2", "POST", `/2024/06/${slug}.html`, "Imported post")}
</feed>`;
}

let slug: string;
beforeEach(async () => {
  await resetImports();
  slug = uniqueSlug("clash");
});
afterEach(async () => {
  await db.page.deleteMany({ where: { slug } });
  await db.post.deleteMany({ where: { slug } });
});

describe("an imported page or post whose slug is taken here", () => {
  it("leaves the page already here alone, imports the new one at -2, and says so", async () => {
    await db.page.create({ data: { slug, title: "Ours", bodyMarkdown: "Our page.", published: true } });
    const ours = await createPost({ slug, title: "Our post", publishedAt: new Date("2024-06-12T00:00:00Z") });

    const report = await runImport(tempFile("clash.xml", takeout(slug)));
    expect(report.failed).toEqual([]);
    expect(report.imported).toMatchObject({ posts: 1, pages: 1 });

    expect(await db.page.findUnique({ where: { slug }, select: { title: true } })).toEqual({ title: "Ours" });
    const page = await db.page.findUniqueOrThrow({
      where: { id: await localId("blogger", "page", `${BLOG}.page-1`) },
    });
    expect(page).toMatchObject({ slug: `${slug}-2`, title: "Imported page" });
    const post = await db.post.findUniqueOrThrow({
      where: { id: await localId("blogger", "post", `${BLOG}.post-2`) },
    });
    expect(post).toMatchObject({ slug: `${slug}-2`, title: "Imported post" });
    expect((await db.post.findUniqueOrThrow({ where: { id: ours.id } })).title).toBe("Our post");

    expect(report.warnings.map((line) => `${line.what}: ${line.reason}`)).toEqual([
      `page: a page at /p/${slug} is already here (left as it is); imported at /p/${slug}-2: rename or merge them in /admin/pages`,
      `post: the slug "${slug}" belongs to a post already here; imported as "${slug}-2"`,
    ]);

    // Again: nothing new, no new warnings, no -3.
    const again = await runImport(tempFile("clash.xml", takeout(slug)));
    expect(again.unchanged).toMatchObject({ posts: 1, pages: 1 });
    expect(again.warnings).toEqual([]);
    expect(await db.page.count({ where: { slug: { startsWith: slug } } })).toBe(2);
    await db.page.deleteMany({ where: { slug: `${slug}-2` } });
  });
});
