import Link from "next/link";
import { AccountNav } from "@/components/account-nav";
import { getOptionalUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { config } from "@/lib/config";

// Admin pages show live drafts and the signed-in author: never prerendered.
export const dynamic = "force-dynamic";

/**
 * The admin shell. Each page checks access itself (a layout is not a guard); the shell
 * is only drawn for authors, so the 404 others get shows nothing of the admin area.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const viewer = await getOptionalUser();
  // The not-found page brings its own <main>.
  if (!can(viewer, "write:post")) return children;
  return (
    <>
      <header className="border-b border-line">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-4">
          <p className="font-serif text-xl font-bold">
            <Link href="/">{config.title}</Link>{" "}
            <span className="font-sans text-base font-normal text-muted">admin</span>
          </p>
          <AccountNav
            viewer={viewer ? { name: viewer.name } : null}
            links={[{ href: "/", label: "Back to the blog" }]}
          />
        </div>
        <nav aria-label="Admin" className="mx-auto max-w-6xl px-4 pb-3">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <li>
              <Link href="/admin/posts" className="link">
                Posts
              </Link>
            </li>
            <li>
              <Link href="/admin/pages" className="link">
                Pages
              </Link>
            </li>
            <li>
              <Link href="/admin/settings" className="link">
                Settings
              </Link>
            </li>
            <li>
              <Link href="/admin/move" className="link">
                Import and export
              </Link>
            </li>
            <li>
              <Link href="/admin/webhooks" className="link">
                Webhooks
              </Link>
            </li>
            <li>
              <Link href="/admin/mail" className="link">
                Mail
              </Link>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
