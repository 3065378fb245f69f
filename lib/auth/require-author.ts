import "server-only";
import { notFound } from "next/navigation";
import { requireUser, type CurrentUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";

/**
 * For admin pages: signed out → sign-in and back; signed in without "write:post" → a
 * plain 404, so the admin area does not announce itself. Actions check on their own.
 */
export async function requireAuthor(returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!can(user, "write:post")) notFound();
  return user;
}
