import { calendarParts } from "@/lib/text/dates";

/** Blogger-style permalink: /YYYY/MM/slug, month of publication in the blog's zone. */
export function postPath(post: { slug: string; publishedAt: Date }): string {
  const { year, month } = calendarParts(post.publishedAt);
  return `/${year}/${month}/${post.slug}`;
}
