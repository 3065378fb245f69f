"use server";

import { redirect } from "next/navigation";
import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authenticate, authorize, finish, refused } from "@/lib/actions/server";
import { CheckedChangePasswordSchema } from "@/lib/auth/common-passwords";
import { changeOwnPassword, deleteOwnAccount, renameOwnAccount } from "@/lib/auth/own-account";
import { endSession, signInWithPassword } from "@/lib/auth/session-actions";
import { everythingChanged } from "@/lib/cache/revalidate";
import { ACCOUNT_PATH } from "@/lib/people/paths";
import { requestEmailChange, sendVerificationAgain } from "@/lib/auth/email-verification";
import { ChangeEmailSchema, DeleteAccountSchema, RenameSchema } from "@/lib/validations/account";
import { accountThrottledMessage, ACCOUNT_PAGE_MESSAGES, EMAIL_MESSAGES } from "./messages";

/**
 * A reader's own account (/account, docs/decisions/031). Who: the session's user, never
 * an id from the form. Renaming needs an account in good standing; a banned account may
 * still change its password and delete itself.
 */

export async function renameAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = parseForm(RenameSchema, formData);
  const access = await authorize("edit:own-profile");
  if (!access.ok) return refused(access.refusal, form.values);
  if (!form.ok) return form.result;

  const outcome = await attemptWrite(() => renameOwnAccount(access.user, form.data.name));
  if (!outcome.ok) {
    if (outcome.reason === "busy") return refused("busy", form.values);
    if (outcome.reason === "name")
      return { status: "error", fieldErrors: { name: outcome.message }, values: form.values };
    return {
      status: "error",
      formError: accountThrottledMessage(outcome.retryAfterSeconds, "rename"),
      values: form.values,
    };
  }
  // The name is on every comment of theirs, on any post page, and on their profile.
  if (outcome.changed) everythingChanged();
  return finish({ status: "success", values: { name: form.data.name } } satisfies ActionResult, {
    redirectTo: ACCOUNT_PATH,
    notice: "renamed",
  });
}

export async function changePasswordAction(
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const form = parseForm(CheckedChangePasswordSchema, formData, {
    secret: ["currentPassword", "newPassword"],
  });
  const access = await authenticate();
  if (!access.ok) return refused(access.refusal);
  if (!form.ok) return form.result;

  const outcome = await attemptWrite(() =>
    changeOwnPassword(access.user, form.data.currentPassword, form.data.newPassword),
  );
  if (!outcome.ok) {
    if (outcome.reason === "busy") return refused("busy");
    if (outcome.reason === "throttled")
      return { status: "error", formError: accountThrottledMessage(outcome.retryAfterSeconds, "password") };
    return {
      status: "error",
      fieldErrors:
        outcome.reason === "no-password"
          ? { currentPassword: ACCOUNT_PAGE_MESSAGES.noPasswordToChange }
          : { currentPassword: ACCOUNT_PAGE_MESSAGES.wrongPassword },
    };
  }
  // Every session just ended, this one too: a fresh sign-in with the new password keeps
  // this device signed in (Auth.js redirects on success). Should that fail, sign in again.
  await signInWithPassword(
    access.user.email,
    form.data.newPassword,
    `${ACCOUNT_PATH}?notice=password-changed`,
  );
  redirect(`/signin?callbackUrl=${encodeURIComponent(ACCOUNT_PATH)}`);
}

export async function deleteAccountAction(
  _previous: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const form = parseForm(DeleteAccountSchema, formData, { secret: ["password"] });
  const access = await authenticate();
  if (!access.ok) return refused(access.refusal);
  if (!form.ok) return form.result;

  const outcome = await attemptWrite(() => deleteOwnAccount(access.user, form.data));
  if (!outcome.ok) {
    const values = form.values;
    switch (outcome.reason) {
      case "busy":
        return refused("busy");
      case "throttled":
        return {
          status: "error",
          formError: accountThrottledMessage(outcome.retryAfterSeconds, "password"),
          values,
        };
      case "wrong-password":
        return { status: "error", fieldErrors: { password: ACCOUNT_PAGE_MESSAGES.wrongPassword }, values };
      case "no-password":
      case "wrong-email":
        return { status: "error", fieldErrors: { confirmEmail: ACCOUNT_PAGE_MESSAGES.wrongEmail }, values };
      case "last-admin":
        return { status: "error", formError: ACCOUNT_PAGE_MESSAGES.lastAdmin, values };
      case "not-found":
        return { status: "error", formError: ACCOUNT_PAGE_MESSAGES.notFound, values };
    }
  }
  // Their name left every comment, and some texts went: every cached page may show them.
  everythingChanged();
  await endSession(`${ACCOUNT_PATH}/deleted`);
  redirect(`${ACCOUNT_PATH}/deleted`);
}

/**
 * "Send the link again" (docs/decisions/034), on /account and on a verification link
 * that no longer works: a new link to the account's own address, a few times an hour.
 */
export async function sendVerificationAction(): Promise<ActionResult> {
  const access = await authorize("edit:own-profile");
  if (!access.ok) return refused(access.refusal);
  const outcome = await attemptWrite(() => sendVerificationAgain(access.user));
  if (!outcome.ok) {
    if (outcome.reason === "busy") return refused("busy");
    const formError =
      outcome.reason === "throttled"
        ? accountThrottledMessage(outcome.retryAfterSeconds, "verification")
        : EMAIL_MESSAGES[outcome.reason];
    return { status: "error", formError };
  }
  return finish({ status: "success" } satisfies ActionResult, {
    redirectTo: ACCOUNT_PATH,
    notice: "verification-sent",
  });
}

/**
 * A new address for the account: a link to it, a notice to the old one; the address
 * changes when the link is followed. The answer is the same whether the new address was
 * free or another account's (lib/auth/email-verification.ts).
 */
export async function changeEmailAction(_previous: ActionResult, formData: FormData): Promise<ActionResult> {
  const form = parseForm(ChangeEmailSchema, formData, { secret: ["currentPassword"] });
  const access = await authorize("edit:own-profile");
  if (!access.ok) return refused(access.refusal, form.values);
  if (!form.ok) return form.result;

  const outcome = await attemptWrite(() =>
    requestEmailChange(access.user, form.data.newEmail, form.data.currentPassword),
  );
  const values = form.values;
  if (!outcome.ok) {
    switch (outcome.reason) {
      case "busy":
        return refused("busy", values);
      case "throttled":
        return {
          status: "error",
          formError: accountThrottledMessage(outcome.retryAfterSeconds, "email"),
          values,
        };
      case "wrong-password":
        return {
          status: "error",
          fieldErrors: { currentPassword: ACCOUNT_PAGE_MESSAGES.wrongPassword },
          values,
        };
      case "same":
        return { status: "error", fieldErrors: { newEmail: EMAIL_MESSAGES.same }, values };
      case "no-password":
      case "unavailable":
        return { status: "error", formError: EMAIL_MESSAGES[outcome.reason], values };
    }
  }
  return finish({ status: "success", values: { newEmail: form.data.newEmail } } satisfies ActionResult, {
    redirectTo: ACCOUNT_PATH,
    notice: "email-change-requested",
  });
}
