import Link from "next/link";
import type { ArchiveYear } from "@/lib/data/archive";
import { monthName } from "@/lib/text/dates";

/**
 * Blogger's "Blog Archive" gadget: years that fold open onto their months. Native
 * <details>/<summary> so it works without JavaScript; the newest year starts open.
 */
export function ArchiveWidget({ years }: { years: ArchiveYear[] }) {
  if (years.length === 0) return null;
  return (
    <section aria-labelledby="archive-heading">
      <h2 id="archive-heading" className="text-sm font-semibold tracking-wide text-muted uppercase">
        Blog Archive
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {years.map((year, index) => (
          <li key={year.year}>
            <details open={index === 0}>
              <summary className="cursor-pointer">
                {year.year} <span className="text-muted">({year.postCount})</span>
              </summary>
              <ul className="mt-1 space-y-1 pl-5">
                {year.months.map((month) => (
                  <li key={month.month}>
                    <Link href={`/${month.year}/${month.month}`} className="link">
                      {monthName(Number(month.month))} {month.year}
                    </Link>{" "}
                    <span className="text-muted">({month.postCount})</span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
