import { z } from "zod";
import { refusedUrlReason } from "@/lib/webhooks/addresses";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";

/**
 * The admin's webhook forms (app/(admin)/admin/webhooks). The URL's shape is checked
 * here; where it points (DNS, private addresses) needs a lookup, done by the action
 * through lib/webhooks/target.ts.
 */

export const URL_MAX = 2000;

export const WebhookIdSchema = z
  .string()
  .regex(/^[a-z0-9]{20,40}$/, "This form is out of date; reload the page.");

const checkbox = z.string().transform((value) => value === "on");

const eventFields = {
  "comment.created": checkbox,
  "comment.deleted": checkbox,
  "comment.held": checkbox,
  "post.published": checkbox,
} satisfies Record<WebhookEvent, typeof checkbox>;

export const NO_EVENTS = "Choose at least one event.";

function chosenEvents(flags: Record<WebhookEvent, boolean>): WebhookEvent[] {
  return WEBHOOK_EVENTS.filter((event) => flags[event]);
}

// The error goes on the first box: the form shows it for the group.
const someEvent = (flags: Record<WebhookEvent, boolean>) => chosenEvents(flags).length > 0;
const someEventError = { message: NO_EVENTS, path: [WEBHOOK_EVENTS[0]] };

/** A new webhook: the URL (https, or http too when the operator allows private targets) and its events. */
export function createWebhookSchema(allowPrivate: boolean) {
  return z
    .object({
      url: z
        .string()
        .trim()
        .min(1, "Enter the URL to deliver to.")
        .max(URL_MAX, `At most ${URL_MAX} characters.`)
        .refine(
          (value) => URL.canParse(value),
          "Enter a full URL, like https://example.com/hooks/commonplace.",
        )
        .superRefine((value, context) => {
          const reason = URL.canParse(value) ? refusedUrlReason(new URL(value), allowPrivate) : null;
          if (reason) context.addIssue({ code: "custom", message: `The URL ${reason}.` });
        }),
      ...eventFields,
    })
    .refine(someEvent, someEventError)
    .transform(({ url, ...flags }) => ({ url: new URL(url).href, events: chosenEvents(flags) }));
}

/** What a webhook wants, and whether it is on. */
export const UpdateWebhookSchema = z
  .object({ webhookId: WebhookIdSchema, enabled: checkbox, ...eventFields })
  .refine(someEvent, someEventError)
  .transform(({ webhookId, enabled, ...flags }) => ({ webhookId, enabled, events: chosenEvents(flags) }));

/** Send test, delete: the webhook named. */
export const WebhookRefSchema = z.object({ webhookId: WebhookIdSchema });
