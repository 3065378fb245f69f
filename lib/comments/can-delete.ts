import { can, type PermissionSubject } from "@/lib/auth/permissions";

/** Mirrors the data layer's rule so the UI offers Delete only where it would work. */
export function canDeleteComment(
  viewer: (PermissionSubject & { id: string }) | null,
  comment: { authorId: string | null },
): boolean {
  if (!viewer) return false;
  if (can(viewer, "delete:comment:any")) return true;
  return comment.authorId !== null && comment.authorId === viewer.id && can(viewer, "delete:comment:own");
}
