import "server-only";
import { notFound } from "next/navigation";
import { hasPermission, requireUser, type CurrentUser } from "@/lib/auth/guards";

/**
 * For admin pages: signed out → sign-in and back; signed in without "write:post" → a
 * plain 404, so the admin area does not announce itself. Actions check on their own.
 */
export async function requireAuthor(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!hasPermission(user, "write:post")) notFound();
  return user;
}
