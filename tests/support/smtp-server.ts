import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; raw: string; messageId: string; at: number };

/**
 * A real SMTP server on 127.0.0.1 and `port` (a free one by default), for tests: it keeps what it receives,
 * and `refuseNext(n, code)` makes it answer the next n mails with an error (421/451: try
 * later; 550: never).
 */
export async function startTestSmtpServer(port = 0) {
  const received: ReceivedMail[] = [];
  const attempts: number[] = [];
  let refusals: { left: number; code: number } = { left: 0, code: 451 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        attempts.push(Date.now());
        if (refusals.left > 0) {
          refusals.left -= 1;
          const error = Object.assign(new Error("Try again later"), { responseCode: refusals.code });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const messageId = /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "";
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw,
          messageId,
          at: Date.now(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const listening = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${listening}`,
    received,
    /** When each mail's data arrived, accepted or refused. */
    attempts,
    refuseNext(count: number, code = 451) {
      refusals = { left: count, code };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A mail's body decoded from quoted-printable (what nodemailer sends text in). */
export function decodedBody(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
