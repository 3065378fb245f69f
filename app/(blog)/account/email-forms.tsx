"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { InputField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/result";
import { changeEmailAction, sendVerificationAction } from "./actions";
import { ACCOUNT_NOTICES } from "./messages";

/** "Send the link again" (docs/decisions/034): on /account and on a link that no longer works. */
export function SendVerificationForm({ label = "Send the link again" }: { label?: string }) {
  const [state, formAction] = useActionState(sendVerificationAction, idle);
  if (state.status === "success") return <Notice>{ACCOUNT_NOTICES["verification-sent"]}</Notice>;
  return (
    <form action={formAction} className="mt-3 space-y-3">
      <FormAlert message={state.formError} />
      <SubmitButton pendingText="Sending…">{label}</SubmitButton>
    </form>
  );
}

export function ChangeEmailForm() {
  const [state, formAction] = useActionState(changeEmailAction, idle);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="mt-3 max-w-md space-y-3" noValidate>
      {state.status === "success" && <Notice>{ACCOUNT_NOTICES["email-change-requested"]}</Notice>}
      <FormAlert message={state.formError} />
      <InputField
        id="newEmail"
        name="newEmail"
        type="email"
        label="New email address"
        autoComplete="email"
        required
        defaultValue={state.status === "success" ? "" : state.values?.newEmail}
        error={errors.newEmail}
        hint="We send a link there; your address changes when it is followed. Your current address gets a notice."
      />
      <InputField
        id="email-currentPassword"
        name="currentPassword"
        type="password"
        label="Password to confirm"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <SubmitButton pendingText="Sending…">Change email address</SubmitButton>
    </form>
  );
}
