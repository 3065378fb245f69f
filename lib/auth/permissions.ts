/**
 * Who may do what. Pure and client-safe: the UI may use `can()` to hide buttons, but
 * every server action checks again through lib/auth/guards.ts with a user freshly
 * loaded from the database (a role carried in a session is only a hint).
 */

export const ROLES = ["commenter", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Permission =
  | "create:comment"
  | "delete:comment:own"
  | "delete:comment:any"
  | "restore:comment"
  | "ban:user"
  | "view:moderation"
  | "write:post";

const GRANTS: Record<Role, readonly Permission[]> = {
  commenter: ["create:comment", "delete:comment:own"],
  moderator: [
    "create:comment",
    "delete:comment:own",
    "delete:comment:any",
    "restore:comment",
    "ban:user",
    "view:moderation",
  ],
  admin: [
    "create:comment",
    "delete:comment:own",
    "delete:comment:any",
    "restore:comment",
    "ban:user",
    "view:moderation",
    "write:post",
  ],
};

export type PermissionSubject = { role: string; banned: boolean };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A banned user keeps reading rights only; an unknown role grants nothing. */
export function can(user: PermissionSubject | null | undefined, permission: Permission): boolean {
  if (!user || user.banned || !isRole(user.role)) return false;
  return GRANTS[user.role].includes(permission);
}
