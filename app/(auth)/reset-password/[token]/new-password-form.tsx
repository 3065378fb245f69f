"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/result";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validations/account";
import { resetPasswordAction } from "../../actions";

export function NewPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, idle);
  return (
    <>
      <form action={formAction} className="mt-6 space-y-4" noValidate>
        <input type="hidden" name="token" value={token} />
        <FormAlert message={state.formError} />
        <InputField
          id="password"
          name="password"
          type="password"
          label="New password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN}
          maxLength={PASSWORD_MAX}
          error={state.fieldErrors?.password}
          hint={`At least ${PASSWORD_MIN} characters. A few unrelated words make a strong, memorable passphrase.`}
        />
        <SubmitButton pendingText="Saving…">Set new password</SubmitButton>
      </form>
      {state.values?.linkProblem && (
        <p className="mt-4 text-sm">
          <Link href="/reset-password" className="link">
            Ask for a new link
          </Link>
        </p>
      )}
    </>
  );
}
