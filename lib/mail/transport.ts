import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

/**
 * Where mails go: an SMTP server (SMTP_URL), or, without one, a folder of .eml files
 * plus a line in the log (development; see docs/decisions/032 for production).
 */
export type OutgoingMail = {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 8058) on notifications. */
  headers?: Record<string, string>;
};

export type MailTransport = {
  /** Resolves once the mail is handed over; throws a MailSendError otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

export class MailSendError extends Error {
  /** A 5xx answer: this mail will never be taken (a bad address); trying again is pointless. */
  readonly permanent: boolean;
  constructor(message: string, permanent: boolean) {
    super(message);
    this.name = "MailSendError";
    this.permanent = permanent;
  }
}

export type MailTransportOptions = {
  smtpUrl?: string;
  /** The sender: the blog's name is shown before the address. */
  from: { name: string; address: string };
  /** Used without smtpUrl. */
  dir: string;
  /** The host part of Message-IDs (the SITE_URL's host). */
  messageIdHost: string;
  /** Told about every mail written to the folder instead of sent. */
  onWritten?: (file: string, mail: OutgoingMail) => void;
};

// Well under the worker's lease (lib/mail/worker.ts): a send that hangs gives up before
// another worker may take the same mail.
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

export function createMailTransport(options: MailTransportOptions): MailTransport {
  const envelope = (mail: OutgoingMail) => ({
    from: options.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    ...(mail.headers ? { headers: mail.headers } : {}),
    // One id per outbox row: a mail sent twice (a crash after the server took it and
    // before it was marked sent) is recognisably the same mail.
    messageId: `<${mail.id}@${options.messageIdHost}>`,
  });

  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport({ url: options.smtpUrl, ...TIMEOUTS });
    return {
      async send(mail) {
        try {
          await transporter.sendMail(envelope(mail));
        } catch (error) {
          const code = (error as { responseCode?: number }).responseCode;
          throw new MailSendError(
            (error as Error).message,
            typeof code === "number" && code >= 500 && code < 600,
          );
        }
      },
      close: () => transporter.close(),
    };
  }

  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await writer.sendMail(envelope(mail));
      await mkdir(options.dir, { recursive: true });
      const file = path.join(options.dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.id}.eml`);
      await writeFile(file, info.message as Buffer);
      options.onWritten?.(file, mail);
    },
    close: () => writer.close(),
  };
}
