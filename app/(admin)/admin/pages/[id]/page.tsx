import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SavedNotice } from "@/components/admin/saved-notice";
import { requireAuthor } from "@/lib/auth/require-author";
import { getAdminPage } from "@/lib/data/admin-pages";
import { PageForm } from "../page-form";

export const metadata: Metadata = { title: "Edit page", robots: { index: false } };

type EditStaticPageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function EditStaticPage({ params, searchParams }: EditStaticPageProps) {
  const { id } = await params;
  await requireAuthor(`/admin/pages/${id}`);
  const page = /^[1-9]\d{0,9}$/.test(id) ? await getAdminPage(Number(id)) : null;
  if (!page) notFound();
  const { saved } = await searchParams;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Edit page</h1>
      <div className="mb-6">
        <SavedNotice show={saved === "1"} href={page.published ? `/p/${page.slug}` : null} />
      </div>
      <PageForm
        key={page.updatedAt.getTime()}
        initial={{
          pageId: String(page.id),
          title: page.title,
          slug: page.slug,
          bodyMarkdown: page.bodyMarkdown,
          navOrder: String(page.navOrder),
          published: page.published ? "on" : "",
        }}
      />
    </>
  );
}
