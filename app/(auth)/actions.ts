"use server";

import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { hashPassword } from "@/lib/auth/password";
import { enabledOAuthProviders } from "@/lib/auth/providers";
import { signInWithPassword, signInWithProvider } from "@/lib/auth/session-actions";
import { createPasswordUser } from "@/lib/data/users";
import { OAuthSignInSchema, SignInFormSchema, SignUpFormSchema } from "@/lib/validations/account";
import { ACCOUNT_MESSAGES } from "./messages";

/**
 * Sign-in and sign-up. Success is Auth.js's redirect (thrown, as Next wants), with or
 * without JavaScript; every answer that comes back is a refusal with the email kept.
 */
export async function signInAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = parseForm(SignInFormSchema, formData, { secret: ["password", "callbackUrl"] });
  if (!form.ok) return form.result;
  const failure = await signInWithPassword(form.data.email, form.data.password, form.data.callbackUrl);
  return {
    status: "error",
    formError: failure === "throttled" ? ACCOUNT_MESSAGES.signInThrottled : ACCOUNT_MESSAGES.signInFailed,
    values: form.values,
  };
}

export async function signUpAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = parseForm(SignUpFormSchema, formData, { secret: ["password", "callbackUrl"] });
  if (!form.ok) return form.result;
  const { name, email, password, callbackUrl } = form.data;

  const created = await createPasswordUser({ name, email, passwordHash: await hashPassword(password) });
  if (!created.ok)
    return { status: "error", fieldErrors: { email: ACCOUNT_MESSAGES.emailTaken }, values: form.values };
  await signInWithPassword(email, password, callbackUrl);
  return { status: "error", formError: ACCOUNT_MESSAGES.signInAfterSignUpFailed, values: form.values };
}

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const form = parseForm(OAuthSignInSchema, formData);
  if (!form.ok || !enabledOAuthProviders().some((p) => p.id === form.data.provider)) return;
  await signInWithProvider(form.data.provider, form.data.callbackUrl);
}
