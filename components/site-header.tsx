import Link from "next/link";
import { config } from "@/lib/config";
import type { NavPage } from "@/lib/data/pages";

type SiteHeaderProps = { pages: NavPage[]; account?: React.ReactNode };

export function SiteHeader({ pages, account }: SiteHeaderProps) {
  return (
    <header className="border-b border-line">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-4">
        <Link href="/" className="font-serif text-2xl font-bold tracking-tight">
          {config.title}
        </Link>
        {account}
      </div>
      <nav aria-label="Pages" className="mx-auto max-w-5xl px-4 pb-3">
        <h2 className="sr-only">Pages</h2>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <li>
            <Link href="/" className="link">
              Home
            </Link>
          </li>
          {pages.map((page) => (
            <li key={page.slug}>
              <Link href={`/p/${page.slug}`} className="link">
                {page.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
