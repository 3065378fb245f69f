import "server-only";
import { config } from "@/lib/config";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";

/**
 * Mail as this deployment has it (docs/decisions/032). `canSend`: a mail asked for now
 * will reach someone, through SMTP, or into the folder a developer reads. Production
 * without SMTP_URL cannot send: features that need mail say so rather than pretend.
 */
export const mailSettings = {
  configured: config.mailConfigured,
  canSend: config.mailConfigured || env.NODE_ENV !== "production",
  dir: env.MAIL_DIR,
  pollMs: env.MAIL_POLL_MS,
  maxAttempts: env.MAIL_MAX_ATTEMPTS,
};

const siteHost = new URL(config.siteUrl).hostname;

/** The transport SMTP_URL asks for, or the folder and the log without it. */
export function appMailTransport(): MailTransport {
  return createMailTransport({
    smtpUrl: env.SMTP_URL,
    from: { name: config.title, address: env.MAIL_FROM ?? `no-reply@${siteHost}` },
    dir: env.MAIL_DIR,
    messageIdHost: siteHost,
    onWritten(file, mail) {
      // The text holds one-time links: it is logged only outside production, where a
      // developer needs it and no log is shipped anywhere.
      const body = env.NODE_ENV === "production" ? undefined : mail.text;
      log.warn("mail.not_sent", {
        reason: "SMTP_URL is not set",
        file,
        to: mail.to,
        subject: mail.subject,
        body,
      });
    },
  });
}
