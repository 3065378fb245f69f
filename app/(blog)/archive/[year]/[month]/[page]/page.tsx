import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { parsePageParam } from "@/lib/validations/listing";
import { monthMetadata, renderMonthListing } from "../../../../[year]/[month]/month-listing";

type MonthPageProps = { params: Promise<{ year: string; month: string; page: string }> };

// `/YYYY/MM?page=N` is rewritten here (a path of its own, so each page is cached).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: MonthPageProps): Promise<Metadata> {
  return monthMetadata(await params);
}

export default async function MonthOlderPage({ params }: MonthPageProps) {
  const { page: rawPage, ...raw } = await params;
  const page = parsePageParam(rawPage);
  if (page === null) notFound();
  return renderMonthListing(raw, page);
}
