"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/result";
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validations/account";
import { signUpAction } from "../actions";
import { ACCOUNT_MESSAGES } from "../messages";
import { SignInForm } from "../signin/sign-in-form";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(signUpAction, idle);
  const errors = state.fieldErrors ?? {};
  if (state.status === "success")
    return (
      <div className="mt-6">
        <Notice>{ACCOUNT_MESSAGES.signUpReceived}</Notice>
        <SignInForm callbackUrl={callbackUrl} email={state.values?.email} />
      </div>
    );
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormAlert message={state.formError} />
      <InputField
        id="name"
        name="name"
        label="Name"
        autoComplete="name"
        maxLength={NAME_MAX * 2}
        required
        defaultValue={state.values?.name}
        error={errors.name}
        hint="Shown with your comments."
      />
      <InputField
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={errors.email}
        hint="Never shown to others."
      />
      <InputField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        error={errors.password}
        hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong, memorable passphrase.`}
      />
      <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
    </form>
  );
}
