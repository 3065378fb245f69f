import { getPostByPermalink } from "@/lib/data/posts";
import { parseSlugParam } from "@/lib/validations/listing";

export type PostParams = Promise<{ year: string; month: string; slug: string }>;

/** The readable post at /YYYY/MM/slug, or null for anything else. */
export async function loadPost(params: PostParams) {
  const { year, month, slug } = await params;
  const decoded = parseSlugParam(slug);
  if (!/^\d{4}$/.test(year) || !/^(0[1-9]|1[0-2])$/.test(month) || decoded === null) return null;
  return getPostByPermalink(year, month, decoded);
}
