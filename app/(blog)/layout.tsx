import { AccountNav } from "@/components/account-nav";
import { SiteHeader } from "@/components/site-header";
import { getOptionalUser, hasPermission } from "@/lib/auth/guards";
import { config } from "@/lib/config";
import { getNavPages } from "@/lib/data/pages";

// Every blog page reads live data (new comments, views, the reader's session), so none
// is frozen at build time; the database answers these reads in well under a millisecond.
export const dynamic = "force-dynamic";

export default async function BlogLayout({ children }: { children: React.ReactNode }) {
  const [pages, viewer] = await Promise.all([getNavPages(), getOptionalUser()]);
  const accountLinks = hasPermission(viewer, "write:post") ? [{ href: "/admin/posts", label: "Admin" }] : [];
  return (
    <>
      <SiteHeader pages={pages} account={<AccountNav viewer={viewer ? { name: viewer.name } : null} links={accountLinks} />} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
      <footer className="border-line text-muted mx-auto max-w-3xl border-t px-4 py-6 text-sm">
        {config.title} · Powered by Commonplace
      </footer>
    </>
  );
}
