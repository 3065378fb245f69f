"use server";

import { hashPassword } from "@/lib/auth/password";
import { enabledOAuthProviders } from "@/lib/auth/providers";
import { safeReturnPath } from "@/lib/auth/redirects";
import { endSession, signInWithPassword, signInWithProvider } from "@/lib/auth/session-actions";
import { createPasswordUser } from "@/lib/data/users";
import { firstFieldErrors, textFields, type FormState } from "@/lib/forms";
import { SignUpSchema } from "@/lib/validations/account";

const SIGN_IN_FAILED = "Email or password is incorrect.";
const SIGN_IN_THROTTLED = "Too many sign-in attempts. Please wait 15 minutes and try again.";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { email, password, callbackUrl } = textFields(formData, [
    "email",
    "password",
    "callbackUrl",
  ] as const);
  const failure = await signInWithPassword(email, password, safeReturnPath(callbackUrl));
  return {
    status: "error",
    formError: failure === "throttled" ? SIGN_IN_THROTTLED : SIGN_IN_FAILED,
    values: { email },
  };
}

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = textFields(formData, ["name", "email", "password", "callbackUrl"] as const);
  const values = { name: fields.name, email: fields.email };
  const parsed = SignUpSchema.safeParse(fields);
  if (!parsed.success) return { status: "error", fieldErrors: firstFieldErrors(parsed.error), values };

  const created = await createPasswordUser({
    name: parsed.data.name,
    email: parsed.data.email,
    passwordHash: await hashPassword(parsed.data.password),
  });
  if (!created.ok) {
    return {
      status: "error",
      fieldErrors: { email: "An account with this email already exists. Sign in instead." },
      values,
    };
  }
  await signInWithPassword(parsed.data.email, parsed.data.password, safeReturnPath(fields.callbackUrl));
  return {
    status: "error",
    formError: "Your account was created, but signing in failed. Please sign in.",
    values,
  };
}

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const { provider, callbackUrl } = textFields(formData, ["provider", "callbackUrl"] as const);
  if (!enabledOAuthProviders().some((p) => p.id === provider)) return;
  await signInWithProvider(provider, callbackUrl);
}

export async function signOutAction(formData: FormData): Promise<void> {
  const { returnTo } = textFields(formData, ["returnTo"] as const);
  await endSession(returnTo || "/");
}
