import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getWebhook, listDeliveries } from "@/lib/data/webhooks";
import { WebhookIdSchema } from "@/lib/validations/webhook";
import { deleteWebhookAction, sendTestWebhookAction } from "../actions";
import { WEBHOOK_NOTICES } from "../messages";
import { WebhookForm } from "../webhook-form";
import { DeliveryLog } from "./delivery-log";

export const metadata: Metadata = { title: "Webhook", robots: { index: false } };

type WebhookPageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

/** One webhook: its secret, events, test button, delivery log and deletion. */
export default async function WebhookPage({ params, searchParams }: WebhookPageProps) {
  const { id } = await params;
  const user = await requireUser(`/admin/webhooks/${encodeURIComponent(id)}`);
  if (!can(user, "edit:settings")) notFound();
  if (!WebhookIdSchema.safeParse(id).success) notFound();
  const webhook = await getWebhook(id);
  if (!webhook) notFound();
  const deliveries = await listDeliveries(id);
  const { notice } = await searchParams;
  const message = notice ? WEBHOOK_NOTICES[notice] : undefined;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/webhooks" className="link">
          ← All webhooks
        </Link>
      </p>
      <h1 className="mb-1 font-serif text-3xl font-bold">Webhook</h1>
      <p className="mb-4 font-mono text-sm break-all">{webhook.url}</p>
      {message && (
        <div className="mb-6">
          <Notice>{message}</Notice>
        </div>
      )}
      <section aria-labelledby="secret-heading" className="mb-8 max-w-2xl">
        <h2 id="secret-heading" className="mb-2 text-xl font-bold">
          Signing secret
        </h2>
        <p className="mb-2 text-sm text-muted">
          The receiver checks each delivery&apos;s <code>Commonplace-Signature</code> header with it (README,
          “Webhooks”). Keep it private; anyone with it can forge deliveries.
        </p>
        <details open={notice === "created"} className="rounded border border-line p-3">
          <summary className="cursor-pointer text-sm font-semibold">Show the secret</summary>
          <p className="mt-2 font-mono text-sm break-all">{webhook.secret}</p>
        </details>
      </section>
      <section aria-labelledby="test-heading" className="mb-8">
        <h2 id="test-heading" className="mb-2 text-xl font-bold">
          Test
        </h2>
        <form action={sendTestWebhookAction} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="webhookId" value={webhook.id} />
          <SubmitButton pendingText="Queueing…">Send test</SubmitButton>
          <span className="text-sm text-muted">
            Queues a <code>ping</code> delivery; it shows in the log below.
          </span>
        </form>
      </section>
      <section aria-labelledby="log-heading" className="mb-8">
        <h2 id="log-heading" className="mb-2 text-xl font-bold">
          Delivery log
        </h2>
        <DeliveryLog deliveries={deliveries} />
      </section>
      <section aria-labelledby="settings-heading" className="mb-8 max-w-2xl">
        <h2 id="settings-heading" className="mb-2 text-xl font-bold">
          Events and status
        </h2>
        <WebhookForm mode="update" webhookId={webhook.id} events={webhook.events} enabled={webhook.enabled} />
      </section>
      <section aria-labelledby="delete-heading" className="max-w-2xl">
        <h2 id="delete-heading" className="mb-2 text-xl font-bold">
          Delete
        </h2>
        <details className="rounded border border-line p-3">
          <summary className="cursor-pointer text-sm font-semibold">Delete this webhook…</summary>
          <form action={deleteWebhookAction} className="mt-3 space-y-3">
            <input type="hidden" name="webhookId" value={webhook.id} />
            <p className="text-sm">Its delivery log goes with it, and deliveries not yet sent are dropped.</p>
            <SubmitButton variant="danger" pendingText="Deleting…">
              Delete webhook
            </SubmitButton>
          </form>
        </details>
      </section>
    </>
  );
}
