import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { refusedAddressReason, refusedUrlReason } from "@/lib/webhooks/addresses";

/**
 * Where a webhook may point (docs/decisions/037). Checked when an admin saves the URL and
 * again at every delivery, after DNS resolution: every address the name resolves to must
 * be public, and the delivery then connects to the address that was checked (never
 * resolving again, so a name cannot turn private between check and connection).
 */

export type ResolvedAddress = { address: string; family: 4 | 6 };

export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export type TargetPolicy = {
  /** WEBHOOKS_ALLOW_PRIVATE: loopback and private targets, and plain http, are allowed. */
  allowPrivate: boolean;
  /** DNS; the system resolver by default (tests answer with what they need). */
  resolve?: Resolver;
};

export type CheckedTarget = { ok: true; url: URL; address: ResolvedAddress } | { ok: false; reason: string };

const systemResolver: Resolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => ({ address: answer.address, family: answer.family === 6 ? 6 : 4 }));
};

/**
 * Resolves a webhook URL and checks it: the URL's shape, then every address its host
 * resolves to (one private address among public ones refuses the whole name: a resolver
 * may hand either out). The first address is the one to connect to.
 */
export async function checkTarget(rawUrl: string, { allowPrivate, resolve = systemResolver }: TargetPolicy) {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: "is not a valid URL" } satisfies CheckedTarget;
  }
  const shape = refusedUrlReason(url, allowPrivate);
  if (shape) return { ok: false, reason: shape } satisfies CheckedTarget;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: ResolvedAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, reason: `could not be resolved (${code ?? "DNS error"})` } satisfies CheckedTarget;
    }
    if (addresses.length === 0) return { ok: false, reason: "could not be resolved" } satisfies CheckedTarget;
  }
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const reason = refusedAddressReason(address);
      if (reason) return { ok: false, reason: `points at ${address}: ${reason}` } satisfies CheckedTarget;
    }
  }
  return { ok: true, url, address: addresses[0] } satisfies CheckedTarget;
}
