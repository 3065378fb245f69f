"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionResult } from "@/lib/actions/result";
import { saveNotificationSettingsAction } from "@/lib/notifications/actions";

type NotificationSettingsFormProps = {
  notifyReplies: boolean;
  notifyModeration: boolean;
  canModerate: boolean;
  stopped: boolean;
};

/** The choices of /account/notifications: a plain form, with or without JavaScript. */
export function NotificationSettingsForm(props: NotificationSettingsFormProps) {
  const [state, formAction] = useActionState<ActionResult, FormData>(saveNotificationSettingsAction, idle);
  return (
    <form action={formAction} className="mt-3 space-y-3">
      <input type="hidden" name="intent" value="save" />
      <FormAlert message={state.formError} />
      {state.status === "success" && <Notice>Your notification settings were saved.</Notice>}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="notifyReplies" defaultChecked={props.notifyReplies} className="mt-1" />
        <span>
          Tick &ldquo;Email me replies&rdquo; on new comments
          <span className="block text-muted">Changes each time you choose otherwise on a comment.</span>
        </span>
      </label>
      {props.canModerate && (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="notifyModeration"
            defaultChecked={props.notifyModeration}
            className="mt-1"
          />
          <span>
            Email me when a comment is held for review or hidden after reports
            <span className="block text-muted">For moderators; at most one mail per 10 minutes or so.</span>
          </span>
        </label>
      )}
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="stopped" defaultChecked={props.stopped} className="mt-1" />
        <span>
          Stop all notification mails
          <span className="block text-muted">
            Nothing about replies, followed discussions or moderation until you untick this.
          </span>
        </span>
      </label>
      <SubmitButton pendingText="Saving…">Save</SubmitButton>
    </form>
  );
}
