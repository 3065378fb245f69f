import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { SAVED } from "@/lib/actions/messages";

/** "Saved." after a redirect from a save, with a link to the public page when there is one. */
export function SavedNotice({ show, href }: { show: boolean; href: string | null }) {
  if (!show) return null;
  return (
    <Notice>
      {SAVED}{" "}
      {href && (
        <Link href={href} className="link">
          View it on the blog
        </Link>
      )}
    </Notice>
  );
}
