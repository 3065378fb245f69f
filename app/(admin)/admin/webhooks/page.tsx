import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listWebhooks } from "@/lib/data/webhooks";
import { formatTimestamp } from "@/lib/text/dates";
import { MAX_WEBHOOKS } from "@/lib/webhooks/events";
import { webhookSettings } from "@/lib/webhooks/settings";
import { WEBHOOK_NOTICES } from "./messages";
import { WebhookForm } from "./webhook-form";

export const metadata: Metadata = { title: "Webhooks", robots: { index: false } };

type WebhooksPageProps = { searchParams: Promise<{ notice?: string }> };

/** Webhooks (docs/decisions/037): admins only (others get a plain 404). */
export default async function WebhooksPage({ searchParams }: WebhooksPageProps) {
  const user = await requireUser("/admin/webhooks");
  if (!can(user, "edit:settings")) notFound();
  const webhooks = await listWebhooks();
  const { notice } = await searchParams;
  const message = notice ? WEBHOOK_NOTICES[notice] : undefined;
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Webhooks</h1>
      {message && (
        <div className="mb-6">
          <Notice>{message}</Notice>
        </div>
      )}
      <p className="mb-6 max-w-prose text-sm text-muted">
        Commonplace POSTs a signed JSON message to each URL when the events it asks for happen, and retries
        with a growing wait when the receiver fails. How to check the signature is in the README, under
        “Webhooks”.
      </p>
      <h2 className="mb-3 text-xl font-bold">Your webhooks</h2>
      {webhooks.length === 0 ? (
        <p className="mb-8 text-muted">No webhooks yet.</p>
      ) : (
        <ul className="mb-8 divide-y divide-line">
          {webhooks.map((hook) => (
            <li key={hook.id} className="py-3">
              <Link href={`/admin/webhooks/${hook.id}`} className="font-semibold break-all link">
                {hook.url}
              </Link>
              <p className="text-sm text-muted">
                <span className="font-semibold">{hook.enabled ? "On" : "Off"}</span> ·{" "}
                {hook.events.join(", ")}
                {" · "}
                {hook.lastDelivery
                  ? `last delivery ${hook.lastDelivery.status}${
                      hook.lastDelivery.responseStatus ? ` (HTTP ${hook.lastDelivery.responseStatus})` : ""
                    }, ${formatTimestamp(hook.lastDelivery.createdAt)}`
                  : "nothing delivered yet"}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2 className="mb-3 text-xl font-bold">Add a webhook</h2>
      {webhooks.length >= MAX_WEBHOOKS ? (
        <p className="text-muted">At most {MAX_WEBHOOKS} webhooks; delete one to add another.</p>
      ) : (
        <div className="max-w-2xl">
          <WebhookForm mode="create" allowPrivate={webhookSettings.allowPrivate} />
        </div>
      )}
    </>
  );
}
