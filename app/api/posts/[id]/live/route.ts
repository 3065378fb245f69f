import type { NextRequest } from "next/server";
import { clientIp } from "@/lib/auth/client-ip";
import { getDiscussionTarget } from "@/lib/data/posts";
import { liveHub } from "@/lib/live/server-hub";
import { parseId } from "@/lib/validations/ids";

export const dynamic = "force-dynamic";

/** Bytes a reader may fall behind before its stream is closed (it reconnects and resumes). */
const MAX_QUEUED_BYTES = 1024 * 1024;
/** How long EventSource waits before reconnecting after a dropped connection. */
const RECONNECT_MS = 3000;
/** Seconds a refused reader is asked to wait (the page adds its own jitter). */
const RETRY_AFTER_SECONDS = 30;

const encoder = new TextEncoder();

/**
 * A post's live thread (docs/decisions/038): Server-Sent Events for its comments
 * published, approved, deleted, restored, edited and hidden, each with the event log's
 * id. Resumes after `Last-Event-ID` (EventSource's reconnect) or `?after=` (the id the
 * cached page was rendered at), without gaps or repeats. Public data only, the same for
 * every reader, and never cached.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const postId = parseId((await params).id);
  const post = postId === null ? null : await getDiscussionTarget(postId);
  if (!post) return new Response("Unknown post", { status: 404, headers: { "Cache-Control": "no-store" } });
  const resumeFrom = request.headers.get("last-event-id") ?? request.nextUrl.searchParams.get("after");
  const after = resumeFrom === "0" ? 0 : parseId(resumeFrom);

  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let close: (() => void) | null = null;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    close?.();
    try {
      controller?.close();
    } catch {
      // Already closed by the reader going away.
    }
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      cancel: end,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  );
  const opened = liveHub().open({
    postId: post.id,
    after,
    ip: clientIp(request.headers),
    write(text) {
      // Reading the request here also keeps it alive while the stream is: its signal
      // follows the server's through a weak reference that would otherwise be collected.
      if (ended || !controller || request.signal.aborted) return false;
      controller.enqueue(encoder.encode(text));
      return (controller.desiredSize ?? 0) > -MAX_QUEUED_BYTES;
    },
    end,
  });
  if (!opened.ok) {
    void body.cancel();
    return new Response(
      opened.reason === "full"
        ? "Too many readers are following live threads here; try again later."
        : "Too many live threads are open from your address.",
      { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
    );
  }
  close = opened.close;
  request.signal.addEventListener("abort", end, { once: true });
  // Headers go out at once, and EventSource learns how soon to come back.
  controller!.enqueue(encoder.encode(`retry: ${RECONNECT_MS}\n: live\n\n`));
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: nothing in between (Next's own compression included) may buffer it.
      "Cache-Control": "no-cache, no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
