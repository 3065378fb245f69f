import "server-only";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedAddress } from "@/lib/webhooks/target";

/** How much of a receiver's answer is kept: enough to read an error, never a page. */
export const EXCERPT_MAX = 300;

/** The receiver answered, with a status other than 2xx. */
export class WebhookHttpError extends Error {
  constructor(
    readonly status: number,
    readonly excerpt: string,
  ) {
    super(`HTTP ${status}`);
  }
}

export type PostResult = { status: number; excerpt: string };

/**
 * POSTs `body` to `url`, connecting to `address` (checked, lib/webhooks/target.ts) and
 * nowhere else: the socket's lookup answers with it, while TLS still verifies the
 * certificate for the URL's host name. No redirect is followed (a 3xx is a failed
 * attempt), no connection is kept, and the whole exchange has `timeoutMs`. Resolves on a
 * 2xx, throws WebhookHttpError on any other answer and a plain Error when none came.
 */
export function postWebhook({
  url,
  address,
  body,
  headers,
  timeoutMs,
}: {
  url: URL;
  address: ResolvedAddress;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
}): Promise<PostResult> {
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === "https:" ? https : http;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return new Promise((resolve, reject) => {
    const request = client.request({
      method: "POST",
      host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      headers: { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
      lookup: pinned,
      agent: false,
    });
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    const done = (settle: () => void) => {
      clearTimeout(timer);
      settle();
    };
    request.on("error", (error) => done(() => reject(error)));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const answer = () => {
        const text = Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_MAX);
        // Control characters out: the excerpt is shown on the admin page as text.
        const excerpt = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trim();
        response.destroy();
        done(() =>
          status >= 200 && status < 300
            ? resolve({ status, excerpt })
            : reject(new WebhookHttpError(status, excerpt)),
        );
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= EXCERPT_MAX * 4) answer();
      });
      response.on("end", answer);
      response.on("error", (error) => done(() => reject(error)));
    });
    request.end(body);
  });
}
