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
        <Link href="/admin/pages/new" className="rounded bg-accent px-4 py-2 text-sm font-semibold text-page">
          New page
        </Link>
      </div>
      {pages.length === 0 ? (
        <p className="mt-6 text-muted">No pages yet.</p>
      ) : (
        <ul className="mt-6 divide-y divide-line">
          {pages.map((page) => (
            <li key={page.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
              <div className="min-w-0">
                <Link href={`/admin/pages/${page.id}`} className="font-semibold link">
                  {page.title}
                </Link>
                <p className="text-sm text-muted">
                  <span className="font-semibold">{page.published ? "Published" : "Hidden"}</span> · position{" "}
                  {page.navOrder} · /p/{page.slug}
                </p>
              </div>
              {page.published && (
                <Link href={`/p/${page.slug}`} className="text-sm link">
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
