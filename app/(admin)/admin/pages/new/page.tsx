import type { Metadata } from "next";
import { requireAuthor } from "@/lib/auth/require-author";
import { PageForm } from "../page-form";

export const metadata: Metadata = { title: "New page", robots: { index: false } };

export default async function NewStaticPage() {
  await requireAuthor("/admin/pages/new");
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">New page</h1>
      <PageForm
        initial={{ pageId: "", title: "", slug: "", bodyMarkdown: "", navOrder: "0", published: "on" }}
      />
    </>
  );
}
