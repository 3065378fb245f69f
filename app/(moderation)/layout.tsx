import { AccountNav } from "@/components/account-nav";
import { SiteHeader } from "@/components/site-header";
import { accountLinks } from "@/lib/auth/account-links";
import { getOptionalUser } from "@/lib/auth/guards";
import { getNavPages } from "@/lib/data/pages";

// Moderation shows live queues to the signed-in moderator: rendered per request.
export const dynamic = "force-dynamic";

export default async function ModerationLayout({ children }: { children: React.ReactNode }) {
  const [pages, viewer] = await Promise.all([getNavPages(), getOptionalUser()]);
  return (
    <>
      <SiteHeader
        pages={pages}
        account={<AccountNav viewer={viewer ? { name: viewer.name } : null} links={accountLinks(viewer)} />}
      />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
