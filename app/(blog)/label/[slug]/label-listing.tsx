import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Pager } from "@/components/posts/pager";
import { PostList } from "@/components/posts/post-list";
import { config } from "@/lib/config";
import { getLabelBySlug } from "@/lib/data/labels";
import { getPublishedPosts } from "@/lib/data/posts";
import { feedAlternates } from "@/lib/feeds/paths";
import { parseLabelSlug } from "@/lib/validations/listing";

async function loadLabel(rawSlug: string) {
  const slug = parseLabelSlug(rawSlug);
  return slug ? getLabelBySlug(slug) : null;
}

export async function labelMetadata(rawSlug: string): Promise<Metadata> {
  const label = await loadLabel(rawSlug);
  if (!label) return {};
  return {
    title: `Posts labelled ${label.name}`,
    alternates: feedAlternates({ canonical: `/label/${label.slug}` }),
  };
}

/** Posts with one label, page `page` (`/label/x`, `/label/x?page=N`). */
export async function renderLabelListing(rawSlug: string, page: number) {
  const label = await loadLabel(rawSlug);
  if (!label) notFound();
  const { posts, hasOlder } = await getPublishedPosts({
    page,
    perPage: config.postsPerPage,
    filter: { labelSlug: label.slug },
  });
  if (posts.length === 0 && page > 1) notFound();

  return (
    <>
      <h1 className="mb-8 border-b border-line pb-3 text-lg">
        Showing posts with the label <strong>{label.name}</strong>
      </h1>
      {posts.length === 0 ? (
        <p className="text-muted">No posts with this label yet.</p>
      ) : (
        <PostList posts={posts} />
      )}
      <Pager basePath={`/label/${label.slug}`} page={page} hasOlder={hasOlder} />
    </>
  );
}
