"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { InputField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/result";
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validations/account";
import { changePasswordAction, deleteAccountAction, renameAction } from "./actions";
import { ACCOUNT_NOTICES } from "./messages";

export function RenameForm({ name }: { name: string }) {
  const [state, formAction] = useActionState(renameAction, idle);
  return (
    <form action={formAction} className="mt-3 max-w-md space-y-3" noValidate>
      {state.status === "success" && <Notice>{ACCOUNT_NOTICES.renamed}</Notice>}
      <FormAlert message={state.formError} />
      <InputField
        id="name"
        name="name"
        label="Name"
        autoComplete="name"
        maxLength={NAME_MAX * 2}
        required
        defaultValue={state.values?.name ?? name}
        error={state.fieldErrors?.name}
        hint="Shown with your comments and on your profile."
      />
      <SubmitButton pendingText="Saving…">Change name</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, formAction] = useActionState(changePasswordAction, idle);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="mt-3 max-w-md space-y-3" noValidate>
      <FormAlert message={state.formError} />
      <InputField
        id="currentPassword"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
      />
      <InputField
        id="newPassword"
        name="newPassword"
        type="password"
        label="New password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        maxLength={PASSWORD_MAX}
        error={errors.newPassword}
        hint={`At least ${PASSWORD_MIN} characters. Your other devices will be signed out.`}
      />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}

export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction] = useActionState(deleteAccountAction, idle);
  const errors = state.fieldErrors ?? {};
  const mode = state.values?.mode ?? "anonymous";
  return (
    <form action={formAction} className="mt-3 max-w-md space-y-4" noValidate>
      <p className="text-sm">
        Your account is deleted for good and you are signed out. Replies others wrote to you stay where they
        are.
      </p>
      <FormAlert message={state.formError} />
      <fieldset className="space-y-2" aria-describedby={errors.mode ? "mode-error" : undefined}>
        <legend className="text-sm font-semibold">Your comments</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="mode"
            value="anonymous"
            defaultChecked={mode === "anonymous"}
            className="mt-1"
          />
          <span>Keep their text, signed &ldquo;Anonymous&rdquo;</span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="mode"
            value="remove"
            defaultChecked={mode === "remove"}
            className="mt-1"
          />
          <span>
            Remove their text (each shows &ldquo;This comment has been removed by the author.&rdquo;)
          </span>
        </label>
        <p id="mode-error" aria-live="polite" className="text-sm text-danger empty:hidden">
          {errors.mode}
        </p>
      </fieldset>
      {hasPassword ? (
        <InputField
          id="delete-password"
          name="password"
          type="password"
          label="Your password"
          autoComplete="current-password"
          required
          error={errors.password}
        />
      ) : (
        <InputField
          id="confirmEmail"
          name="confirmEmail"
          type="email"
          label="Type your email address to confirm"
          autoComplete="off"
          required
          defaultValue={state.values?.confirmEmail}
          error={errors.confirmEmail}
        />
      )}
      <SubmitButton variant="danger" pendingText="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
