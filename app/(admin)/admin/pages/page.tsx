import type { Metadata } from "next";
import Link from "next/link";
import { requireAuthor } from "@/lib/auth/require-author";
import { listAdminPages } from "@/lib/data/admin-pages";

export const metadata: Metadata = { title: "Pages", robots: { index: false } };

export default async function AdminPagesPage() {
  await requireAuthor("/admin/pages");
  const pages = await listAdminPages();
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Pages</h1>
        <Link href="/admin/pages/new" className="bg-accent text-page rounded px-4 py-2 text-sm font-semibold">
          New page
        </Link>
      </div>
      {pages.length === 0 ? (
        <p className="text-muted mt-6">No pages yet.</p>
      ) : (
        <ul className="divide-line mt-6 divide-y">
          {pages.map((page) => (
            <li key={page.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
              <div className="min-w-0">
                <Link href={`/admin/pages/${page.id}`} className="link font-semibold">
                  {page.title}
                </Link>
                <p className="text-muted text-sm">
                  <span className="font-semibold">{page.published ? "Published" : "Hidden"}</span> · position {page.navOrder} · /p/{page.slug}
                </p>
              </div>
              {page.published && (
                <Link href={`/p/${page.slug}`} className="link text-sm">
                  View<span className="sr-only"> “{page.title}”</span>
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
