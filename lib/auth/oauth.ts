import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/data/errors";
import { displayNameRefusal } from "@/lib/auth/display-names";
import { NameSchema, normalizeEmail } from "@/lib/validations/account";

export type OAuthIdentity = {
  provider: string;
  providerAccountId: string;
  email?: string | null;
  name?: string | null;
};
export type OAuthLinkResult =
  { ok: true; userId: string } | { ok: false; reason: "email-in-use" | "no-email" };

/**
 * Finds the local user for an OAuth identity, creating one on first sign-in. An email
 * that already belongs to another account is NOT linked automatically: whoever controls
 * a provider account with that address would otherwise take the account over.
 */
export async function findOrCreateOAuthUser(identity: OAuthIdentity): Promise<OAuthLinkResult> {
  const key = { provider: identity.provider, providerAccountId: identity.providerAccountId };
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: key },
    select: { userId: true },
  });
  if (linked) return { ok: true, userId: linked.userId };
  if (!identity.email) return { ok: false, reason: "no-email" };

  const email = normalizeEmail(identity.email);
  const name = await oauthDisplayName(identity.name, email);
  try {
    const user = await db.user.create({
      data: {
        email,
        name,
        accounts: { create: key },
      },
      select: { id: true },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email-in-use" };
    throw error;
  }
}

/**
 * The provider's name when the sign-up rules allow it (a GitHub user may be called
 * "Admin"); else the email's local part; else a neutral one. Readers cannot rename
 * themselves yet, so this is the only other path that sets a display name.
 */
async function oauthDisplayName(providerName: string | null | undefined, email: string): Promise<string> {
  for (const candidate of [providerName ?? "", email.split("@")[0].slice(0, 50)]) {
    const name = NameSchema.safeParse(candidate);
    if (name.success && !(await displayNameRefusal(name.data))) return name.data;
  }
  return "Reader";
}

export async function findOAuthUserId(provider: string, providerAccountId: string): Promise<string | null> {
  const account = await db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: { userId: true },
  });
  return account?.userId ?? null;
}
