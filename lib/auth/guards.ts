import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { can, type Permission } from "@/lib/auth/permissions";
import { signInPath } from "@/lib/auth/redirects";
import { getCurrentUserById, type CurrentUser } from "@/lib/data/users";

export type { CurrentUser };

export class PermissionError extends Error {
  constructor(public readonly permission: Permission) {
    super(`Missing permission: ${permission}`);
  }
}

/**
 * The signed-in user, freshly loaded from the database (role, ban), or null. Checks
 * `session.user.id`, never merely that a session object exists. Cached per request.
 */
export const getOptionalUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (typeof id !== "string" || id.length === 0) return null;
  return getCurrentUserById(id);
});

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getOptionalUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}

export function requirePermission(
  user: CurrentUser | null,
  permission: Permission,
): asserts user is CurrentUser {
  if (!can(user, permission)) throw new PermissionError(permission);
}
