"use client";

import { AccountNav } from "@/components/account-nav";
import { useViewer } from "@/components/viewer/viewer-context";

/** The header's account area on cached pages: "Sign in" until the viewer is known. */
export function ViewerAccount() {
  const viewer = useViewer();
  return <AccountNav viewer={viewer ? { name: viewer.name } : null} links={viewer?.links ?? []} />;
}
