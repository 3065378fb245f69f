import { notFound } from "next/navigation";
import { parsePageParam } from "@/lib/validations/listing";
import { renderHomeListing } from "../../home-listing";

type OlderPostsProps = { params: Promise<{ page: string }> };

// Cached per page number when first asked for (`/?page=N` is rewritten here).
export function generateStaticParams() {
  return [];
}

export default async function OlderPostsPage({ params }: OlderPostsProps) {
  const page = parsePageParam((await params).page);
  if (page === null) notFound();
  return renderHomeListing(page);
}
