import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePageParam } from "@/lib/validations/listing";
import { labelMetadata, renderLabelListing } from "../../label-listing";

type LabelPageProps = { params: Promise<{ slug: string; page: string }> };

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: LabelPageProps): Promise<Metadata> {
  return labelMetadata((await params).slug);
}

export default async function LabelOlderPage({ params }: LabelPageProps) {
  const { slug, page: rawPage } = await params;
  const page = parsePageParam(rawPage);
  if (page === null) notFound();
  return renderLabelListing(slug, page);
}
