import "server-only";
import type { Refusal } from "@/lib/actions/messages";
import { authorize } from "@/lib/actions/server";
import { config } from "@/lib/config";
import { getOutboxStatus, type OutboxStatus } from "@/lib/data/mail-status";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { housekeepingStatus, type HousekeepingStatus } from "@/lib/housekeeping/run";
import { mailSettings } from "@/lib/mail/settings";

/** How mail leaves this deployment, in words an admin can act on (never the SMTP password). */
export type MailRoute = { kind: "smtp"; server: string } | { kind: "folder"; dir: string } | { kind: "none" };

export type MailPage = {
  route: MailRoute;
  /** False: the servers leave sending to `npm run worker` (MAIL_POLL_MS=0). */
  serversSend: boolean;
  outbox: OutboxStatus;
  retention: typeof config.retention;
  housekeeping: HousekeepingStatus;
  admin: { email: string };
};

function mailRoute(): MailRoute {
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    return { kind: "smtp", server: url.port ? `${url.hostname}:${url.port}` : url.hostname };
  }
  return mailSettings.canSend ? { kind: "folder", dir: mailSettings.dir } : { kind: "none" };
}

/**
 * Everything /admin/mail shows, for an admin only (`edit:settings`, checked here rather
 * than trusted to the page): others get the refusal, and the page a 404 or sign-in.
 */
export async function getMailPage(): Promise<{ ok: true; page: MailPage } | { ok: false; refusal: Refusal }> {
  const admin = await authorize("edit:settings");
  if (!admin.ok) return admin;
  const [outbox, housekeeping] = await Promise.all([getOutboxStatus(db), housekeepingStatus(db)]);
  return {
    ok: true,
    page: {
      route: mailRoute(),
      serversSend: mailSettings.pollMs > 0,
      outbox,
      retention: config.retention,
      housekeeping,
      admin: { email: admin.user.email },
    },
  };
}
