"use server";

import { headers } from "next/headers";
import { parseForm } from "@/lib/actions/form";
import { idle, type ActionResult } from "@/lib/actions/result";
import { clientIp } from "@/lib/auth/client-ip";
import { attemptWrite, finish, refused } from "@/lib/actions/server";
import { CheckedResetPasswordSchema, CheckedSignUpFormSchema } from "@/lib/auth/common-passwords";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { enabledOAuthProviders } from "@/lib/auth/providers";
import { signInWithPassword, signInWithProvider } from "@/lib/auth/session-actions";
import { signUpWithPassword } from "@/lib/auth/sign-up";
import { OAuthSignInSchema, PasswordResetRequestSchema, SignInFormSchema } from "@/lib/validations/account";
import {
  ACCOUNT_MESSAGES,
  RESET_LINK_PROBLEMS,
  resetThrottledMessage,
  signInThrottledMessage,
  signUpThrottledMessage,
} from "./messages";

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

/**
 * "Forgot your password?": the same success whether the address has an account
 * (lib/auth/password-reset.ts); refused only when throttled, or when this blog cannot
 * send mail at all (never a success that no mail follows).
 */
export async function requestPasswordResetAction(
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const form = parseForm(PasswordResetRequestSchema, formData);
  if (!form.ok) return form.result;
  const ip = clientIp(await headers());
  const outcome = await attemptWrite(() => requestPasswordReset(form.data.email, ip));
  if (outcome.ok) return { status: "success", values: { email: form.data.email } };
  if (outcome.reason === "busy") return refused("busy", form.values);
  const formError =
    outcome.reason === "throttled"
      ? resetThrottledMessage(outcome.retryAfterSeconds)
      : ACCOUNT_MESSAGES.resetUnavailable;
  return { status: "error", formError, values: form.values };
}

/**
 * The page a reset link opens: a new password under the sign-up rules, once per link;
 * then to /signin, which says the password changed.
 */
export async function resetPasswordAction(
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const form = parseForm(CheckedResetPasswordSchema, formData, { secret: ["password"], hidden: ["token"] });
  if (!form.ok) return form.result;
  const ip = clientIp(await headers());
  const outcome = await attemptWrite(() => resetPassword(form.data.token, form.data.password, ip));
  // Another page either way: this one's link is used up now.
  if (outcome.ok)
    return finish<ActionResult>(idle, { redirectTo: "/signin", notice: "password-reset", always: true });
  if (outcome.reason === "busy") return refused("busy");
  return {
    status: "error",
    formError: RESET_LINK_PROBLEMS[outcome.reason],
    values: { linkProblem: outcome.reason },
  };
}
