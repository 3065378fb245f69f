import type { DbClient } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { normalizeEmail, SignUpSchema } from "@/lib/validations/account";

// Development defaults only: production must choose its own (see README).
const DEV_MODERATOR = {
  email: "moderator@commonplace.local",
  password: "moderate-the-demo-thread",
  name: "Demo Moderator",
};

export function moderatorCredentials(env = process.env) {
  const email = env.MODERATOR_EMAIL;
  const password = env.MODERATOR_PASSWORD;
  if (env.NODE_ENV === "production" && (!email || !password)) {
    throw new Error(
      "Set MODERATOR_EMAIL and MODERATOR_PASSWORD to seed a moderator in production (no defaults there).",
    );
  }
  return {
    email: normalizeEmail(email ?? DEV_MODERATOR.email),
    password: password ?? DEV_MODERATOR.password,
    name: env.MODERATOR_NAME ?? DEV_MODERATOR.name,
  };
}

/**
 * One moderator account for local use. An existing account keeps its password; it is
 * only made a moderator again if someone demoted it.
 */
export async function seedModerator(db: DbClient, log: (message: string) => void): Promise<void> {
  const credentials = moderatorCredentials();
  const parsed = SignUpSchema.safeParse(credentials);
  if (!parsed.success)
    throw new Error(
      `Moderator seed credentials are invalid: ${parsed.error.issues.map((i) => i.message).join(" ")}`,
    );
  const existing = await db.user.findUnique({
    where: { email: credentials.email },
    select: { id: true, role: true },
  });
  if (existing) {
    if (existing.role !== "moderator" && existing.role !== "admin") {
      await db.user.update({ where: { id: existing.id }, data: { role: "moderator" } });
    }
    log(`Seed: moderator account ${credentials.email} exists.`);
    return;
  }
  await db.user.create({
    data: {
      email: credentials.email,
      name: credentials.name,
      role: "moderator",
      passwordHash: await hashPassword(parsed.data.password),
    },
  });
  const shown = process.env.MODERATOR_PASSWORD
    ? "(password from MODERATOR_PASSWORD)"
    : `password "${credentials.password}"`;
  log(`Seed: moderator account ${credentials.email} with ${shown}.`);
}
