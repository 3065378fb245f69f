import { can, type PermissionSubject } from "@/lib/auth/permissions";

/** Header links a signed-in user gets for their role. */
export function accountLinks(viewer: PermissionSubject | null): { href: string; label: string }[] {
  const links: { href: string; label: string }[] = [];
  if (can(viewer, "write:post")) links.push({ href: "/admin/posts", label: "Admin" });
  if (can(viewer, "view:moderation")) links.push({ href: "/moderation", label: "Moderation" });
  return links;
}
