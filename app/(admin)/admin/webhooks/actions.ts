"use server";

import { redirect } from "next/navigation";
import { parseForm } from "@/lib/actions/form";
import type { ActionResult } from "@/lib/actions/result";
import { attemptWrite, authorize, finish, refused, withNotice } from "@/lib/actions/server";
import { signInPath } from "@/lib/auth/redirects";
import { createWebhook, deleteWebhook, queuePing, updateWebhook } from "@/lib/data/webhooks";
import { createWebhookSchema, UpdateWebhookSchema, WebhookRefSchema } from "@/lib/validations/webhook";
import { wakeWebhookWorker } from "@/lib/webhooks/server-worker";
import { webhookSettings } from "@/lib/webhooks/settings";
import { checkTarget } from "@/lib/webhooks/target";
import { ADMIN_MESSAGES } from "../messages";
import { WEBHOOK_MESSAGES } from "./messages";

/**
 * The admin's webhook forms (docs/decisions/037): authorize (edit:settings) → parse →
 * check where the URL points → write → redirect. Each works as a plain form.
 */

export type WebhookFormState = ActionResult<Record<string, string>>;

const LIST = "/admin/webhooks";
const detail = (id: string) => `${LIST}/${id}`;

export async function createWebhookAction(
  _previous: WebhookFormState,
  formData: FormData,
): Promise<WebhookFormState> {
  const form = parseForm(createWebhookSchema(webhookSettings.allowPrivate), formData, {
    summary: ADMIN_MESSAGES.correctFields,
  });
  const { values } = form;
  const admin = await authorize("edit:settings");
  if (!admin.ok) return refused(admin.refusal, values);
  if (!form.ok) return form.result;
  // Where it points, now (and again at every delivery: lib/webhooks/worker.ts).
  const target = await checkTarget(form.data.url, { allowPrivate: webhookSettings.allowPrivate });
  if (!target.ok)
    return {
      status: "error",
      formError: ADMIN_MESSAGES.correctFields,
      fieldErrors: { url: `The URL ${target.reason}.` },
      values,
    };
  const result = await attemptWrite(() => createWebhook(form.data));
  if (!result.ok)
    return result.reason === "busy"
      ? refused("busy", values)
      : { status: "error", formError: WEBHOOK_MESSAGES.tooMany, values };
  redirect(withNotice(detail(result.id), "created"));
}

export async function updateWebhookAction(
  _previous: WebhookFormState,
  formData: FormData,
): Promise<WebhookFormState> {
  const form = parseForm(UpdateWebhookSchema, formData, {
    hidden: ["webhookId"],
    summary: ADMIN_MESSAGES.correctFields,
  });
  const { values } = form;
  const admin = await authorize("edit:settings");
  if (!admin.ok) return refused(admin.refusal, values);
  if (!form.ok) return form.result;
  const { webhookId, ...change } = form.data;
  const result = await attemptWrite(async () => ({ ok: await updateWebhook(webhookId, change) }) as const);
  if ("reason" in result) return refused("busy", values);
  if (!result.ok) return refused("not-found", values);
  return finish({ status: "success" }, { redirectTo: detail(webhookId), notice: "saved", always: true });
}

/**
 * The plain buttons (send test, delete): refused callers land back on the list with a
 * notice, or on sign-in.
 */
async function webhookButton(
  formData: FormData,
  act: (webhookId: string) => Promise<{ redirectTo: string; notice: string }>,
): Promise<void> {
  const admin = await authorize("edit:settings");
  if (!admin.ok) redirect(admin.refusal === "signed-out" ? signInPath(LIST) : withNotice(LIST, "forbidden"));
  const form = parseForm(WebhookRefSchema, formData);
  if (!form.ok) redirect(withNotice(LIST, "invalid"));
  const outcome = await attemptWrite(() => act(form.data.webhookId));
  redirect("reason" in outcome ? withNotice(LIST, "busy") : withNotice(outcome.redirectTo, outcome.notice));
}

export async function sendTestWebhookAction(formData: FormData): Promise<void> {
  await webhookButton(formData, async (webhookId) => {
    const result = await queuePing(webhookId);
    if (!result.ok)
      return result.reason === "not-found"
        ? { redirectTo: LIST, notice: "not-found" }
        : { redirectTo: detail(webhookId), notice: "disabled" };
    wakeWebhookWorker();
    return { redirectTo: detail(webhookId), notice: "test-queued" };
  });
}

export async function deleteWebhookAction(formData: FormData): Promise<void> {
  await webhookButton(formData, async (webhookId) => ({
    redirectTo: LIST,
    notice: (await deleteWebhook(webhookId)) ? "deleted" : "not-found",
  }));
}
