import type { Metadata } from "next";
import Link from "next/link";
import { BlogHeader } from "@/components/blog-header";
import { BlogSidebar } from "@/components/sidebar/blog-sidebar";
import { ViewerProvider } from "@/components/viewer/viewer-context";
import { config } from "@/lib/config";
import { feedAlternates } from "@/lib/feeds/paths";

// Reader pages are cached and the same for every reader (docs/decisions/010): changes
// expire them at once (lib/cache/revalidate.ts); this timer is only a backstop, and the
// s-maxage a CDN or proxy in front may use.
export const revalidate = 60;

// Feed autodiscovery on every blog page. Pages that set their own `alternates` (for a
// canonical URL) must include feedAlternates() again: Next replaces the whole key.
export const metadata: Metadata = {
  alternates: feedAlternates(),
  openGraph: { siteName: config.title, type: "website", locale: config.locale.replace("-", "_") },
  twitter: { card: "summary" },
};

export default function BlogLayout({ children }: { children: React.ReactNode }) {
  return (
    <ViewerProvider>
      <BlogHeader />
      <div className="mx-auto grid max-w-5xl gap-x-12 gap-y-4 px-4 lg:grid-cols-[minmax(0,1fr)_15rem]">
        <main id="main" className="min-w-0 py-8">
          {children}
        </main>
        <div className="border-t border-line py-8 lg:border-t-0">
          <BlogSidebar />
        </div>
      </div>
      <footer className="mx-auto max-w-5xl border-t border-line px-4 py-6 text-sm text-muted">
        {config.title} · Powered by Commonplace ·{" "}
        <Link href="/feeds/posts/default" prefetch={false} className="link">
          Posts (Atom)
        </Link>
      </footer>
    </ViewerProvider>
  );
}
