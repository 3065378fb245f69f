import type { StaffRole } from "@/lib/auth/permissions";

/** "author": the post's author, on the comments of their own post. */
export type BadgeRole = StaffRole | "author";

const LABELS: Record<BadgeRole, string> = { admin: "Admin", moderator: "Moderator", author: "Author" };

/**
 * Marks a comment written by the blog's staff (by the author's role now) or by the
 * post's author: look-alike names are refused at sign-up and rename
 * (lib/auth/display-names.ts), and this badge is what no reader's name can imitate.
 * Part of the cached page, the same for every reader.
 */
export function RoleBadge({ role }: { role: BadgeRole }) {
  return (
    <span className="rounded border border-line px-1.5 text-xs font-semibold tracking-wide text-muted uppercase">
      {LABELS[role]}
    </span>
  );
}
