import { BlogHeader } from "@/components/blog-header";

export const dynamic = "force-dynamic";

export default function ModerationLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <BlogHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
