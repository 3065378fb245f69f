import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SavedNotice } from "@/components/admin/saved-notice";
import { requireAuthor } from "@/lib/auth/require-author";
import { getAdminPage } from "@/lib/data/admin-pages";
import { parseId } from "@/lib/validations/ids";
import { PageForm } from "../page-form";

export const metadata: Metadata = { title: "Edit page", robots: { index: false } };

type EditStaticPageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function EditStaticPage({ params, searchParams }: EditStaticPageProps) {
  const { id } = await params;
  await requireAuthor(`/admin/pages/${id}`);
  const pageId = parseId(id);
  const page = pageId === null ? null : await getAdminPage(pageId);
  if (!page) notFound();
  const { notice } = await searchParams;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Edit page</h1>
      <div className="mb-6">
        <SavedNotice show={notice === "saved"} href={page.published ? `/p/${page.slug}` : null} />
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
