// Load generation (autocannon) and single timed requests.
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import http from "node:http";
import autocannon from "autocannon";
import { CONNECTIONS, DURATION } from "./env.mjs";

// What every browser sends: pages travel gzip-encoded (the server compresses them).
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br" };

/** req/s and latency percentiles of `url` under CONNECTIONS concurrent connections, asked as a browser asks. */
export async function measure(
  url,
  { method = "GET", headers: extra = {}, setupRequest, duration = DURATION } = {},
) {
  const headers = { ...BROWSER_HEADERS, ...extra };
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration,
    timeout: 30,
    requests: [setupRequest ? { method, headers, setupRequest } : { method, headers }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** One GET: time to the last byte, status and body; { timeout: true } past the cap. */
export async function timedGet(url, options = {}) {
  try {
    return await timedGetOnce(url, options);
  } catch (error) {
    // A kept-alive socket the server closed meanwhile: one retry on a fresh one.
    if (error.cause?.code !== "ECONNRESET") throw error;
    return timedGetOnce(url, options);
  }
}

async function timedGetOnce(url, { headers = {}, timeoutMs = 120_000 } = {}) {
  const start = performance.now();
  try {
    const response = await fetch(url, {
      headers,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    return { ms: performance.now() - start, status: response.status, body, bytes: Buffer.byteLength(body) };
  } catch (error) {
    if (error.name === "TimeoutError") return { timeout: true, ms: performance.now() - start };
    throw error;
  }
}

/** Bytes on the wire of a gzip-encoded GET (the server compresses; we do not decode). */
function gzipWireBytes(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "gzip" } }, (response) => {
        let bytes = 0;
        response.on("data", (chunk) => (bytes += chunk.length));
        response.on("end", () =>
          resolve({ bytes, encoding: response.headers["content-encoding"] ?? "identity" }),
        );
      })
      .on("error", reject);
  });
}

/**
 * JavaScript an anonymous reader's browser loads for `html`: every <script src> as the
 * server sends it gzip-encoded (bytes on the wire), plus inline scripts gzipped here at
 * level 6 (they travel inside the HTML).
 */
export async function scriptWeight(html, pageUrl) {
  // `nomodule` scripts (legacy polyfills) are never fetched by browsers that run modules.
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter(
    (m) => !/\bnomodule\b/i.test(m[0]),
  );
  const sources = [...new Set(tags.map((m) => m[1].replace(/&amp;/g, "&")))];
  let external = 0;
  const unencoded = [];
  for (const src of sources) {
    const { bytes, encoding } = await gzipWireBytes(new URL(src, pageUrl).href);
    if (encoding !== "gzip") unencoded.push(src);
    external += bytes;
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .join("");
  const inlineGzip = inline.length > 0 ? gzipSync(inline, { level: 6 }).length : 0;
  return {
    files: sources.length,
    external,
    inlineRaw: Buffer.byteLength(inline),
    inlineGzip,
    total: external + inlineGzip,
    unencoded,
  };
}
