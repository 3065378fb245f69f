import type { StaffRole } from "@/lib/auth/permissions";

const LABELS: Record<StaffRole, string> = { admin: "Admin", moderator: "Moderator" };

/**
 * Marks a comment written by the blog's staff, by the author's role now: look-alike
 * names are refused at sign-up (lib/auth/display-names.ts), and this badge is what no
 * reader's name can imitate. Part of the cached page, the same for every reader.
 */
export function StaffBadge({ role }: { role: StaffRole }) {
  return (
    <span className="rounded border border-line px-1.5 text-xs font-semibold tracking-wide text-muted uppercase">
      {LABELS[role]}
    </span>
  );
}
