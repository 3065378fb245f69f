"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { InputField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/result";
import { requestPasswordResetAction } from "../actions";
import { ACCOUNT_MESSAGES } from "../messages";

export function ResetRequestForm() {
  const [state, formAction] = useActionState(requestPasswordResetAction, idle);
  if (state.status === "success")
    return (
      <div className="mt-6">
        <Notice>{ACCOUNT_MESSAGES.resetRequested}</Notice>
      </div>
    );
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <FormAlert message={state.formError} />
      <InputField
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <SubmitButton pendingText="Sending…">Send me a reset link</SubmitButton>
    </form>
  );
}
