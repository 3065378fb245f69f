import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { signInPath } from "@/lib/auth/redirects";
import { recordingUserLoads } from "@/lib/auth/request-user";
import { getCurrentUserById, type CurrentUser } from "@/lib/data/users";

export type { CurrentUser };

/**
 * The signed-in user, freshly loaded from the database (role, ban), or null. Checks
 * `session.user.id`, never merely that a session object exists. Cached per request; the
 * row the session check itself just read is used rather than read twice.
 */
export const getOptionalUser = cache(async (): Promise<CurrentUser | null> => {
  const { result: session, loaded } = await recordingUserLoads(() => auth());
  const id = session?.user?.id;
  if (typeof id !== "string" || id.length === 0) return null;
  return loaded.has(id) ? (loaded.get(id) ?? null) : getCurrentUserById(id);
});

/** The signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getOptionalUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}
