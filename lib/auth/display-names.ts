import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { STAFF_ROLES } from "@/lib/auth/permissions";
import { nameSkeleton, wordSkeletons } from "@/lib/text/name-skeleton";

/** Words no reader's name may contain, in any script or disguise ("Site Admin", "Аdmіn"). */
export const RESERVED_NAME_WORDS = [
  "admin",
  "administrator",
  "moderator",
  "mod",
  "staff",
  "webmaster",
] as const;

export const RESERVED_NAME_MESSAGE =
  "This name is reserved, or looks like the blog's or a staff member's name; please choose another.";

const reservedWords = new Set(RESERVED_NAME_WORDS.map(nameSkeleton));

/**
 * Why a reader may not take `name`, or null. Refused: any reserved word among its words,
 * and any name confusable as a whole with the blog's title or with the name of an admin
 * or moderator now in the database (the badge in the thread marks the real ones).
 * Every path that sets a reader's display name asks this (sign-up, OAuth's first sign-in,
 * a rename at /account).
 */
export async function displayNameRefusal(
  name: string,
  { exceptUserId }: { exceptUserId?: string } = {},
): Promise<string | null> {
  const skeleton = nameSkeleton(name);
  if (skeleton === "") return null;
  // Word by word ("Site Admin"), and spaced out as one ("A d m i n").
  if (reservedWords.has(skeleton) || wordSkeletons(name).some((word) => reservedWords.has(word)))
    return RESERVED_NAME_MESSAGE;
  if (skeleton === nameSkeleton(config.title)) return RESERVED_NAME_MESSAGE;
  const staff = await db.user.findMany({
    // A staff member renaming themselves is not their own look-alike.
    where: { role: { in: [...STAFF_ROLES] }, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    select: { name: true },
  });
  return staff.some((member) => nameSkeleton(member.name) === skeleton) ? RESERVED_NAME_MESSAGE : null;
}
