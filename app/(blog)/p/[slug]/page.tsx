import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPageBySlug } from "@/lib/data/pages";
import { renderMarkdown } from "@/lib/markdown/render";
import { parseSlugParam } from "@/lib/validations/listing";

type StaticPageProps = { params: Promise<{ slug: string }> };

async function loadPage(params: StaticPageProps["params"]) {
  const slug = parseSlugParam((await params).slug);
  return slug === null ? null : getPageBySlug(slug);
}

export async function generateMetadata({ params }: StaticPageProps): Promise<Metadata> {
  const page = await loadPage(params);
  return page ? { title: page.title, alternates: { canonical: `/p/${page.slug}` } } : {};
}

export function generateStaticParams() {
  return [];
}

export default async function StaticPage({ params }: StaticPageProps) {
  const page = await loadPage(params);
  if (!page) notFound();
  return (
    <article>
      <h1 className="font-serif text-3xl font-bold">{page.title}</h1>
      <div className="prose-body mt-6">{renderMarkdown(page.bodyMarkdown)}</div>
    </article>
  );
}
