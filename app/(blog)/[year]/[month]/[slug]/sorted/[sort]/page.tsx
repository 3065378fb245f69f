import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DEFAULT_SORT, isCommentSort } from "@/lib/comments/sort";
import { PostView, postMetadata } from "../../post-view";

type SortedPostPageProps = { params: Promise<{ year: string; month: string; slug: string; sort: string }> };

// `<post>?sort=newest` is rewritten here (next.config.ts): each order's first page is
// cached on its own, like the post (docs/decisions/030).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: SortedPostPageProps): Promise<Metadata> {
  return postMetadata(params);
}

export default async function SortedPostPage({ params }: SortedPostPageProps) {
  const { sort } = await params;
  // The default order lives at the post's own URL; anything else is no page.
  if (!isCommentSort(sort) || sort === DEFAULT_SORT) notFound();
  return <PostView params={params} sort={sort} />;
}
