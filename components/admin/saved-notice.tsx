import Link from "next/link";

/** "Saved." after a redirect from a save, with a link to the public page when there is one. */
export function SavedNotice({ show, href }: { show: boolean; href: string | null }) {
  if (!show) return null;
  return (
    <p role="status" className="rounded bg-highlight px-3 py-2 text-sm">
      Saved.{" "}
      {href && (
        <Link href={href} className="link">
          View it on the blog
        </Link>
      )}
    </p>
  );
}
