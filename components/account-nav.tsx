"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOutAction } from "@/lib/auth/actions";
import { forgetViewer } from "@/components/viewer/viewer-context";

type AccountNavProps = {
  viewer: { name: string } | null;
  links?: { href: string; label: string }[];
};

/** Header account area: who is signed in and "Sign out", or "Sign in" back to here. */
export function AccountNav({ viewer, links = [] }: AccountNavProps) {
  const pathname = usePathname() || "/";
  if (!viewer) {
    return (
      <Link href={`/signin?callbackUrl=${encodeURIComponent(pathname)}`} className="text-sm link">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span>
        Signed in as{" "}
        <strong>
          <bdi>{viewer.name}</bdi>
        </strong>
      </span>
      {links.map((link) => (
        <Link key={link.href} href={link.href} className="link">
          {link.label}
        </Link>
      ))}
      <form action={signOutAction} onSubmit={forgetViewer}>
        <input type="hidden" name="returnTo" value={pathname} />
        <button type="submit" className="link">
          Sign out
        </button>
      </form>
    </div>
  );
}
