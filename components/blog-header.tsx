import { SiteHeader } from "@/components/site-header";
import { ViewerAccount } from "@/components/viewer/viewer-account";
import { getNavPages } from "@/lib/data/pages";

/**
 * The site header with the "Pages" navigation. The account area is filled in the
 * browser (components/viewer), so the header is the same for every reader and cacheable.
 */
export async function BlogHeader() {
  const pages = await getNavPages();
  return <SiteHeader pages={pages} account={<ViewerAccount />} />;
}
