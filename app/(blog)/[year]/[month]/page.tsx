import type { Metadata } from "next";
import { monthMetadata, renderMonthListing } from "./month-listing";

type MonthPageProps = { params: Promise<{ year: string; month: string }> };

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: MonthPageProps): Promise<Metadata> {
  return monthMetadata(await params);
}

export default async function MonthArchivePage({ params }: MonthPageProps) {
  return renderMonthListing(await params, 1);
}
