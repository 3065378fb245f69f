import { MAX_WEBHOOKS } from "@/lib/webhooks/events";
import { REFUSALS } from "@/lib/actions/messages";

/** What the webhook pages say (notices are keys in the URL, never text from it). */
export const WEBHOOK_MESSAGES = {
  tooMany: `At most ${MAX_WEBHOOKS} webhooks; delete one first.`,
} as const;

export const WEBHOOK_NOTICES: Record<string, string> = {
  created: "Webhook added. Copy its signing secret below into the receiver.",
  saved: "Saved.",
  deleted: "Webhook deleted, with its delivery log.",
  "test-queued": "Test delivery queued: it appears in the log below within seconds.",
  disabled: "This webhook is turned off: turn it on to send a test.",
  forbidden: REFUSALS.forbidden,
  invalid: REFUSALS.invalid,
  busy: REFUSALS.busy,
  "not-found": "That webhook no longer exists.",
};
