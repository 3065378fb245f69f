import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/permissions";
import { isUniqueViolation } from "@/lib/data/errors";
import { queueMail } from "@/lib/data/outbox";
import type { NewVerification } from "@/lib/auth/email-verification";

/** The signed-in user as every guard sees it: always read fresh from the database. */
export type CurrentUser = {
  id: string;
  name: string;
  email: string;
  role: string;
  banned: boolean;
  sessionVersion: number;
  /** With trustedAt, what the hold rules ask about an author (lib/comments/hold-rules.ts). */
  createdAt: Date;
  trustedAt: Date | null;
  /** When the owner proved the address (docs/decisions/034); null: not yet. */
  emailVerifiedAt: Date | null;
};

type CurrentUserRow = Omit<CurrentUser, "banned"> & { bannedAt: Date | null };

/**
 * Read on every signed-in request (the session check, decision 006), so written as SQL
 * both databases run unchanged: through Prisma's query builder this one lookup cost
 * about three times the CPU (docs/decisions/010).
 */
export async function getCurrentUserById(id: string): Promise<CurrentUser | null> {
  const [user] = await db.$queryRaw<CurrentUserRow[]>`
    SELECT "id", "name", "email", "role", "bannedAt", "sessionVersion", "createdAt", "trustedAt",
      "emailVerifiedAt"
    FROM "User" WHERE "id" = ${id}`;
  if (!user) return null;
  const { bannedAt, ...rest } = user;
  return { ...rest, sessionVersion: Number(rest.sessionVersion), banned: bannedAt !== null };
}

export async function getPasswordUser(email: string) {
  return db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
}

export type CreateUserResult = { ok: true; id: string } | { ok: false; reason: "email-taken" };

export async function createPasswordUser(input: {
  name: string;
  email: string;
  passwordHash: string;
  role?: Role;
  /**
   * A verification link (lib/auth/email-verification.ts) and its mail: created with the
   * account, in one transaction, so either both exist or neither (docs/decisions/034).
   */
  verification?: NewVerification;
}): Promise<CreateUserResult> {
  const create = db.user.create({
    data: {
      name: input.name,
      email: input.email,
      passwordHash: input.passwordHash,
      role: input.role ?? "commenter",
      ...(input.verification ? { emailVerifications: { create: input.verification.row } } : {}),
    },
    select: { id: true },
  });
  try {
    const [user] = input.verification
      ? await db.$transaction([create, queueMail(db, input.verification.mail)])
      : [await create];
    return { ok: true, id: user.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email-taken" };
    throw error;
  }
}

/** Ends every session of the user: tokens carry the version they were issued with. */
export async function bumpSessionVersion(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
