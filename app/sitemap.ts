import type { MetadataRoute } from "next";
import { config } from "@/lib/config";
import { getSitemapEntries } from "@/lib/data/sitemap";

// Read at request time: posts are published without a rebuild.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries = await getSitemapEntries();
  return [
    { url: `${config.siteUrl}/`, changeFrequency: "daily", priority: 1 },
    ...entries.map((entry) => ({ url: `${config.siteUrl}${entry.path}`, lastModified: entry.lastModified })),
  ];
}
