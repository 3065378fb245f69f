import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pager } from "@/components/posts/pager";
import { PostList } from "@/components/posts/post-list";
import { config } from "@/lib/config";
import { getLabelBySlug } from "@/lib/data/labels";
import { getPublishedPosts } from "@/lib/data/posts";
import { feedAlternates } from "@/lib/feeds/paths";
import { parseLabelSlug, parsePageParam } from "@/lib/validations/listing";

type LabelPageProps = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
};

async function loadLabel(params: LabelPageProps["params"]) {
  const slug = parseLabelSlug((await params).slug);
  return slug ? getLabelBySlug(slug) : null;
}

export async function generateMetadata({ params }: LabelPageProps): Promise<Metadata> {
  const label = await loadLabel(params);
  if (!label) return {};
  return { title: `Posts labelled ${label.name}`, alternates: feedAlternates({ canonical: `/label/${label.slug}` }) };
}

export default async function LabelPage({ params, searchParams }: LabelPageProps) {
  const label = await loadLabel(params);
  const page = parsePageParam((await searchParams).page);
  if (!label || page === null) notFound();
  const { posts, hasOlder } = await getPublishedPosts({ page, perPage: config.postsPerPage, filter: { labelSlug: label.slug } });
  if (posts.length === 0 && page > 1) notFound();

  return (
    <>
      <h1 className="border-line mb-8 border-b pb-3 text-lg">
        Showing posts with the label <strong>{label.name}</strong>
      </h1>
      {posts.length === 0 ? <p className="text-muted">No posts with this label yet.</p> : <PostList posts={posts} />}
      <Pager basePath={`/label/${label.slug}`} page={page} hasOlder={hasOlder} />
    </>
  );
}
