import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { createPasswordUser } from "@/lib/data/users";
import { CheckedSignUpSchema } from "@/lib/auth/common-passwords";

export type InitialAdminResult = { ok: true; email: string } | { ok: false; message: string };

/**
 * The first account of a production blog (`npm run user:create-admin`), held to the
 * sign-up rules (common passwords included; its name may be a staff name: it is staff). An existing account is never taken over: `npm run user:role` grants a
 * role to someone who already signed up.
 */
export async function createInitialAdmin(input: {
  email: string;
  name: string;
  password: string;
}): Promise<InitialAdminResult> {
  const parsed = CheckedSignUpSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join(" ") };
  const { email, name, password } = parsed.data;
  const created = await createPasswordUser({
    email,
    name,
    passwordHash: await hashPassword(password),
    role: "admin",
  });
  if (!created.ok)
    return {
      ok: false,
      message: `${email} already has an account; use npm run user:role -- ${email} admin.`,
    };
  return { ok: true, email };
}
