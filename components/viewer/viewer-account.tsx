"use client";

import { AccountNav } from "@/components/account-nav";
import { useViewer } from "@/components/viewer/viewer-context";

/** The header's account area on cached pages: "Sign in" until the viewer is known. */
export function ViewerAccount() {
  const viewer = useViewer();
  const held = viewer?.heldCount ?? 0;
  // The Held queue's size, for moderators, learnt here: never part of the cached header.
  const links = (viewer?.links ?? []).map((link) =>
    link.href === "/moderation" && held > 0 ? { ...link, label: `${link.label} (${held} held)` } : link,
  );
  return <AccountNav viewer={viewer ? { name: viewer.name } : null} links={links} />;
}
