import { AccountNav } from "@/components/account-nav";
import { SiteHeader } from "@/components/site-header";
import { accountLinks } from "@/lib/auth/account-links";
import { getOptionalUser } from "@/lib/auth/guards";
import { getNavPages } from "@/lib/data/pages";

/** The site header with the "Pages" navigation and the viewer's account area. */
export async function BlogHeader() {
  const [pages, viewer] = await Promise.all([getNavPages(), getOptionalUser()]);
  return (
    <SiteHeader pages={pages} account={<AccountNav viewer={viewer ? { name: viewer.name } : null} links={accountLinks(viewer)} />} />
  );
}
