import { createHmac, randomBytes } from "node:crypto";

/**
 * Webhook signatures (docs/decisions/037): `Commonplace-Signature: t=<unix seconds>,v1=<hex>`
 * where the hex is HMAC-SHA256 with the webhook's secret over `<t>.<body>`. The
 * timestamp inside the signed text lets a receiver refuse replays of an old delivery
 * (the README's recipe allows 5 minutes).
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${digest}`;
}

/** A new signing secret: 32 random bytes, with a prefix that says what it is. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}
