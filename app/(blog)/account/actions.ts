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
import { DeleteAccountSchema, RenameSchema } from "@/lib/validations/account";
import { accountThrottledMessage, ACCOUNT_PAGE_MESSAGES } from "./messages";

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
