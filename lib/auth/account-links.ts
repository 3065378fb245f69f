import { can, type PermissionSubject } from "@/lib/auth/permissions";
import { ACCOUNT_PATH } from "@/lib/people/paths";

/** Header links a signed-in user gets for their role. */
export function accountLinks(viewer: PermissionSubject | null): { href: string; label: string }[] {
  const links: { href: string; label: string }[] = [];
  if (viewer) links.push({ href: ACCOUNT_PATH, label: "Account" });
  if (can(viewer, "write:post")) links.push({ href: "/admin/posts", label: "Admin" });
  if (can(viewer, "view:moderation")) links.push({ href: "/moderation", label: "Moderation" });
  return links;
}
