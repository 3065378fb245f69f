import "server-only";
import { db } from "@/lib/db";
import { asReadable, readableNow } from "@/lib/posts/readable";
import { calendarParts } from "@/lib/text/dates";

export type ArchiveMonth = { year: string; month: string; postCount: number };
export type ArchiveYear = { year: string; postCount: number; months: ArchiveMonth[] };

/**
 * Blogger's "Blog Archive" widget: readable posts counted per year and month of their
 * permalink, newest first. Months are grouped in the blog's time zone in code rather
 * than in SQL, which knows nothing of time zones; one narrow column per post keeps
 * this cheap for blogs with thousands of posts.
 */
export async function getArchive(): Promise<ArchiveYear[]> {
  const rows = await db.post.findMany({
    where: readableNow(),
    orderBy: { publishedAt: "desc" },
    select: { publishedAt: true },
  });
  const years: ArchiveYear[] = [];
  for (const row of rows.map(asReadable)) {
    const { year, month } = calendarParts(row.publishedAt);
    let lastYear = years.at(-1);
    if (lastYear?.year !== year) {
      lastYear = { year, postCount: 0, months: [] };
      years.push(lastYear);
    }
    lastYear.postCount++;
    const lastMonth = lastYear.months.at(-1);
    if (lastMonth?.month === month) lastMonth.postCount++;
    else lastYear.months.push({ year, month, postCount: 1 });
  }
  return years;
}
