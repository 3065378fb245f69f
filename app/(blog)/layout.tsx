import { BlogHeader } from "@/components/blog-header";
import { config } from "@/lib/config";

// Every blog page reads live data (new comments, views, the reader's session), so none
// is frozen at build time; the database answers these reads in well under a millisecond.
export const dynamic = "force-dynamic";

export default function BlogLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <BlogHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        {children}
      </main>
      <footer className="border-line text-muted mx-auto max-w-3xl border-t px-4 py-6 text-sm">
        {config.title} · Powered by Commonplace
      </footer>
    </>
  );
}
