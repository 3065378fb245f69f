"use client";

import { useActionState, useRef } from "react";
import { useFocusFirstError } from "@/components/admin/focus-first-error";
import { InputField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { saveCommentSettingsAction, type SettingsFormState, type SettingsFormValues } from "./actions";

const numberClass = "w-32 rounded border border-line bg-page px-3 py-2 text-base";

/** The comment rules (docs/decisions/023); the blocked words are kept at /moderation. */
export function SettingsForm({
  initial,
  mailCanSend,
}: {
  initial: SettingsFormValues;
  mailCanSend: boolean;
}) {
  const [state, formAction] = useActionState<SettingsFormState, FormData>(saveCommentSettingsAction, {
    status: "idle",
  });
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  const v = { ...initial, ...state.values };
  const errors = state.fieldErrors ?? {};
  const number = (name: keyof SettingsFormValues, label: string, hint: string) => (
    <InputField
      id={name}
      name={name}
      type="number"
      inputMode="numeric"
      min={0}
      label={label}
      hint={hint}
      defaultValue={v[name]}
      error={errors[name]}
      className={numberClass}
    />
  );

  return (
    <form ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormAlert message={state.formError} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-bold">Hold for review</legend>
        {number(
          "holdAboveLinks",
          "Hold comments with more links than",
          "2 holds a comment with 3 links or more.",
        )}
        {number("holdNewAccountHours", "Hold comments from accounts younger than (hours)", "0: off.")}
        {number(
          "holdUntilApproved",
          "Hold comments until an account has this many approved comments",
          "Then the commenter is trusted. 0: off.",
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="holdAll" defaultChecked={v.holdAll === "on"} /> Hold every comment from
          commenters who are not trusted (pre-moderation)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="honeypot" defaultChecked={v.honeypot === "on"} /> Hold comments whose
          hidden honeypot field was filled in (bots fill every field)
        </label>
        {number(
          "minSubmitSeconds",
          "Hold comments sent sooner after the form opened than (seconds)",
          "0: off. People take a few seconds to write; scripts do not.",
        )}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-lg font-bold">Accounts</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="unverifiedCanComment"
            defaultChecked={v.unverifiedCanComment === "on"}
            aria-describedby="unverifiedCanComment-hint"
          />{" "}
          Unverified accounts can comment
        </label>
        <p id="unverifiedCanComment-hint" className="text-sm text-muted">
          Off: a commenter must first follow the link mailed to their address (staff are exempt). Either way,
          notification mails go only to verified addresses.
          {!mailCanSend &&
            " This blog cannot send mail (no SMTP_URL): with this off, new commenters could never verify."}
        </p>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-bold">Limits</legend>
        {number("maxReplyDepth", "Deepest reply", "Replies below this depth are refused with a message.")}
        {number(
          "duplicateWindowMinutes",
          "Refuse the same comment on the same post within (minutes)",
          "The same author, post and text. 0: off.",
        )}
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-lg font-bold">Edits and reports</legend>
        {number(
          "editWindowMinutes",
          "Commenters may edit a comment for (minutes after posting)",
          "0: never. Moderators and admins may edit any comment at any time, with a note.",
        )}
        {number(
          "reportsToHide",
          "Hide a comment pending review after this many reports",
          "Each from a different reader. A moderator's dismissal shows it again.",
        )}
      </fieldset>
      <SubmitButton pendingText="Saving…">Save settings</SubmitButton>
    </form>
  );
}
