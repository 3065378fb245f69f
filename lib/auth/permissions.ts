/**
 * Who may do what. Pure and client-safe: the UI may use `can()` to hide buttons, but
 * every server action checks again through lib/auth/guards.ts with a user freshly
 * loaded from the database (a role carried in a session is only a hint).
 */

export const ROLES = ["commenter", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "create:comment"
  | "like:comment"
  | "delete:comment:own"
  | "delete:comment:any"
  | "edit:comment:own"
  | "edit:comment:any"
  | "report:comment"
  | "restore:comment"
  | "ban:user"
  | "view:moderation"
  | "approve:comment"
  | "edit:blocked-words"
  | "edit:settings"
  | "write:post"
  /** Change one's own display name (a banned account may not: its name stays as judged). */
  | "edit:own-profile";

const GRANTS: Record<Role, readonly Permission[]> = {
  commenter: [
    "create:comment",
    "like:comment",
    "delete:comment:own",
    "edit:own-profile",
    "edit:comment:own",
    "report:comment",
  ],
  moderator: [
    "create:comment",
    "like:comment",
    "delete:comment:own",
    "delete:comment:any",
    "edit:comment:own",
    "edit:comment:any",
    "report:comment",
    "restore:comment",
    "ban:user",
    "view:moderation",
    "approve:comment",
    "edit:blocked-words",
    "edit:own-profile",
  ],
  admin: [
    "create:comment",
    "like:comment",
    "delete:comment:own",
    "delete:comment:any",
    "edit:comment:own",
    "edit:comment:any",
    "report:comment",
    "restore:comment",
    "ban:user",
    "view:moderation",
    "approve:comment",
    "edit:blocked-words",
    "edit:settings",
    "write:post",
    "edit:own-profile",
  ],
};

export type PermissionSubject = { role: string; banned: boolean };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The roles a reader sees as a badge by the name in a thread, and may not impersonate. */
export const STAFF_ROLES = ["admin", "moderator"] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export function staffRole(role: string | null | undefined): StaffRole | null {
  return (STAFF_ROLES as readonly string[]).includes(role ?? "") ? (role as StaffRole) : null;
}

/** A banned user keeps reading rights only; an unknown role grants nothing. */
export function can(user: PermissionSubject | null | undefined, permission: Permission): boolean {
  if (!user || user.banned || !isRole(user.role)) return false;
  return GRANTS[user.role].includes(permission);
}

/** Why `user` may not do `permission`, or null when they may: a ban, or a role without it. */
export function refusalFor(
  user: PermissionSubject | null | undefined,
  permission: Permission,
): "signed-out" | "banned" | "forbidden" | null {
  if (!user) return "signed-out";
  if (can(user, permission)) return null;
  return user.banned ? "banned" : "forbidden";
}

/** A comment as the rules see it: its author's id, or (on a cached page) whether the viewer wrote it. */
export type CommentRef = { authorId: string | null } | { own: boolean };

/**
 * In which capacity `actor` may delete a comment: as its author, as a moderator, or not
 * at all. The data layer (lib/data/moderation.ts) and every page offering Delete ask here.
 */
export function mayDeleteComment(
  actor: (PermissionSubject & { id?: string }) | null | undefined,
  comment: CommentRef,
): "author" | "moderator" | null {
  const own = "own" in comment ? comment.own : comment.authorId !== null && comment.authorId === actor?.id;
  if (own && can(actor, "delete:comment:own")) return "author";
  if (can(actor, "delete:comment:any")) return "moderator";
  return null;
}

/** Moderators ban commenters; only admins ban moderators; nobody bans an admin or themselves. */
export function mayBanUser(
  actor: (PermissionSubject & { id: string }) | null | undefined,
  target: { id: string; role: string },
): boolean {
  if (!actor || !can(actor, "ban:user") || target.id === actor.id) return false;
  if (target.role === "admin") return false;
  return target.role !== "moderator" || actor.role === "admin";
}
