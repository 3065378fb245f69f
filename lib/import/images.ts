import "server-only";
import { saveImage } from "@/lib/uploads/save-image";
import { uploadSettings } from "@/lib/uploads/settings";

/** An image that stayed where it was, and why. */
export type ImageFailure = { url: string; reason: string };

export type ImageFetcher = {
  /** Local addresses for the images that could be fetched, and the reasons for the others. */
  localize(urls: readonly string[]): Promise<{ found: Map<string, string>; failures: ImageFailure[] }>;
};

export type ImageFetcherOptions = {
  /** Largest image taken, in bytes (the upload limit by default). */
  maxBytes?: number;
  /** Per image, connection to last byte. */
  timeoutMs?: number;
};

/**
 * `--fetch-images`: downloads the images imported posts show into the upload store, through
 * the same checks and re-encoding as an author's upload (lib/uploads/save-image.ts: real
 * type from the bytes, size and pixel limits, metadata stripped). Each address is fetched
 * once per import, however many posts show it. What cannot be fetched (refused, 404, not
 * an image, too big, too slow) keeps its external address and is reported.
 */
export function createImageFetcher(options: ImageFetcherOptions = {}): ImageFetcher {
  const maxBytes = options.maxBytes ?? uploadSettings().maxBytes;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const done = new Map<string, { url: string } | { reason: string }>();

  const fetchOne = async (url: string): Promise<{ url: string } | { reason: string }> => {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: "follow" });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const timedOut = (error as Error).name === "TimeoutError";
      return {
        reason: timedOut
          ? `no answer within ${timeoutMs / 1000} s`
          : `could not connect (${cause ?? (error as Error).message})`,
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { reason: `the server answered ${response.status}` };
    }
    const declared = Number(response.headers.get("content-length"));
    if (declared > maxBytes) {
      await response.body?.cancel();
      return { reason: `${declared} bytes, over the ${maxBytes} an upload may have` };
    }
    const bytes = await readAtMost(response, maxBytes);
    if (!bytes) return { reason: `over the ${maxBytes} bytes an upload may have` };
    const saved = await saveImage(new File([bytes], "imported"));
    return saved.ok ? { url: saved.url } : { reason: saved.error };
  };

  return {
    async localize(urls) {
      const found = new Map<string, string>();
      const failures: ImageFailure[] = [];
      for (const url of new Set(urls)) {
        let outcome = done.get(url);
        if (!outcome) done.set(url, (outcome = await fetchOne(url)));
        if ("url" in outcome) found.set(url, outcome.url);
        else failures.push({ url, reason: outcome.reason });
      }
      return { found, failures };
    },
  };
}

/** The body, or null as soon as it passes `limit` bytes (a lying or missing Content-Length). */
async function readAtMost(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
