"use server";

import { parseForm } from "@/lib/actions/form";
import { endSession } from "@/lib/auth/session-actions";
import { SignOutSchema } from "@/lib/validations/account";

/** "Sign out", in the header of every page: ends the session and returns to the page. */
export async function signOutAction(formData: FormData): Promise<void> {
  const form = parseForm(SignOutSchema, formData);
  await endSession(form.ok ? form.data.returnTo : "/");
}
