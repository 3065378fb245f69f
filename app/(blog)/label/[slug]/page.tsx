import type { Metadata } from "next";
import { labelMetadata, renderLabelListing } from "./label-listing";

type LabelPageProps = { params: Promise<{ slug: string }> };

export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: LabelPageProps): Promise<Metadata> {
  return labelMetadata((await params).slug);
}

export default async function LabelPage({ params }: LabelPageProps) {
  return renderLabelListing((await params).slug, 1);
}
