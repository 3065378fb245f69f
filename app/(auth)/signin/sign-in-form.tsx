"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/result";
import { signInAction } from "../actions";

type SignInFormProps = {
  callbackUrl: string;
  /** Filled in when the form follows a sign-up. */
  email?: string;
};

export function SignInForm({ callbackUrl, email }: SignInFormProps) {
  const [state, formAction] = useActionState(signInAction, idle);
  return (
    <form action={formAction} className="mt-6 space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormAlert message={state.formError} />
      <InputField
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? email}
      />
      <InputField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
      />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
