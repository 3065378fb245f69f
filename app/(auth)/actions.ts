"use server";

import { headers } from "next/headers";
import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/auth/client-ip";
import { CheckedSignUpFormSchema } from "@/lib/auth/common-passwords";
import { enabledOAuthProviders } from "@/lib/auth/providers";
import { signInWithPassword, signInWithProvider } from "@/lib/auth/session-actions";
import { signUpWithPassword } from "@/lib/auth/sign-up";
import { OAuthSignInSchema, SignInFormSchema } from "@/lib/validations/account";
import { ACCOUNT_MESSAGES, signInThrottledMessage, signUpThrottledMessage } from "./messages";

/**
 * Sign-in and sign-up. Sign-in's success is Auth.js's redirect (thrown, as Next wants),
 * with or without JavaScript; every answer that comes back is a refusal with the email
 * kept.
 */
export async function signInAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = parseForm(SignInFormSchema, formData, { secret: ["password", "callbackUrl"] });
  if (!form.ok) return form.result;
  const failure = await signInWithPassword(form.data.email, form.data.password, form.data.callbackUrl);
  return {
    status: "error",
    formError:
      failure.reason === "throttled"
        ? signInThrottledMessage(failure.retryAfterSeconds)
        : ACCOUNT_MESSAGES.signInFailed,
    values: form.values,
  };
}

/**
 * A sign-up that passes the rules answers "success" with the same words whether the
 * email was new or not (lib/auth/sign-up.ts); the form then asks for the password again
 * to sign in. Signing the new account in at once would tell the two cases apart.
 */
export async function signUpAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = parseForm(CheckedSignUpFormSchema, formData, { secret: ["password", "callbackUrl"] });
  if (!form.ok) return form.result;
  const outcome = await signUpWithPassword(form.data, clientIp(await headers()));
  if (outcome.ok) return { status: "success", values: { email: form.data.email } };
  if (outcome.reason === "name")
    return { status: "error", fieldErrors: { name: outcome.message }, values: form.values };
  return {
    status: "error",
    formError: signUpThrottledMessage(outcome.retryAfterSeconds),
    values: form.values,
  };
}

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const form = parseForm(OAuthSignInSchema, formData);
  if (!form.ok || !enabledOAuthProviders().some((p) => p.id === form.data.provider)) return;
  await signInWithProvider(form.data.provider, form.data.callbackUrl);
}
