"use client";

import { useActionState, useRef } from "react";
import { useFocusFirstError } from "@/components/admin/focus-first-error";
import { InputField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";
import { createWebhookAction, updateWebhookAction, type WebhookFormState } from "./actions";

type WebhookFormProps =
  | { mode: "create"; allowPrivate: boolean }
  | { mode: "update"; webhookId: string; events: WebhookEvent[]; enabled: boolean };

/** Adds a webhook (URL and events), or changes a webhook's events and whether it is on. */
export function WebhookForm(props: WebhookFormProps) {
  const [state, formAction] = useActionState<WebhookFormState, FormData>(
    props.mode === "create" ? createWebhookAction : updateWebhookAction,
    { status: "idle" },
  );
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  const errors = state.fieldErrors ?? {};
  const values = state.values;
  // After a refusal the boxes show what was sent; before, what is stored (none for a new one).
  const checked = (event: WebhookEvent) =>
    values ? values[event] === "on" : props.mode === "update" && props.events.includes(event);
  const eventsError = errors[WEBHOOK_EVENTS[0]];
  const prefix = props.mode === "create" ? "new" : "edit";

  return (
    <form ref={formRef} action={formAction} className="space-y-5" noValidate>
      <FormAlert message={state.formError} />
      {props.mode === "create" ? (
        <InputField
          id={`${prefix}-url`}
          name="url"
          type="url"
          inputMode="url"
          autoComplete="off"
          maxLength={2000}
          label="URL to deliver to"
          hint={
            props.allowPrivate
              ? "https:// or http://. This server allows private and loopback targets (WEBHOOKS_ALLOW_PRIVATE)."
              : "https:// on a public address; private and loopback networks are refused."
          }
          defaultValue={values?.url ?? ""}
          error={errors.url}
          required
        />
      ) : (
        <input type="hidden" name="webhookId" value={props.webhookId} />
      )}
      <fieldset className="space-y-2" aria-describedby={`${prefix}-events-error`}>
        <legend className="text-sm font-semibold">Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name={event} defaultChecked={checked(event)} className="mt-1" />
            <span>
              <code>{event}</code> — {WEBHOOK_EVENT_LABELS[event]}
            </span>
          </label>
        ))}
        <p id={`${prefix}-events-error`} aria-live="polite" className="text-sm text-danger">
          {eventsError}
        </p>
      </fieldset>
      {props.mode === "update" && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="enabled"
            defaultChecked={values ? values.enabled === "on" : props.enabled}
          />{" "}
          On (deliveries are sent)
        </label>
      )}
      <SubmitButton pendingText="Saving…">{props.mode === "create" ? "Add webhook" : "Save"}</SubmitButton>
    </form>
  );
}
