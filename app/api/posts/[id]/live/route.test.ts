import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { latestEventId, recordEvent } from "@/lib/events/log";
import { liveHub } from "@/lib/live/server-hub";
import { createComments, createPost } from "@/tests/support/factories";
import { GET } from "./route";

const open: AbortController[] = [];
afterEach(() => {
  for (const controller of open.splice(0)) controller.abort();
});

function ask(postId: number | string, headers: Record<string, string> = {}, query = "") {
  const controller = new AbortController();
  open.push(controller);
  const request = new NextRequest(`http://localhost/api/posts/${postId}/live${query}`, {
    headers,
    signal: controller.signal,
  });
  return { response: GET(request, { params: Promise.resolve({ id: String(postId) }) }), controller };
}

/** Reads the stream until `done` holds for what arrived. */
async function readUntil(body: ReadableStream<Uint8Array>, done: (text: string) => boolean) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + 10_000;
  while (!done(text)) {
    if (Date.now() > deadline) throw new Error(`timed out with ${JSON.stringify(text)}`);
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value, { stream: true });
  }
  reader.releaseLock();
  return text;
}

async function newComment(postId: number) {
  const [commentId] = await createComments(postId, [{ body: "Streamed" }]);
  await recordEvent(db, { kind: "comment.created", postId, commentId });
  return { commentId, eventId: await latestEventId({ postId, db }) };
}

describe("GET /api/posts/<id>/live", () => {
  it("answers 404 for a post that is not there", async () => {
    expect((await ask(999_999_999).response).status).toBe(404);
    expect((await ask("abc").response).status).toBe(404);
  });

  it("streams the post's events, uncached, and resumes after Last-Event-ID", async () => {
    const post = await createPost();
    const start = await latestEventId({ postId: post.id, db });
    const first = ask(post.id, {}, `?after=${start}`);
    const response = await first.response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const one = await newComment(post.id);
    const text = await readUntil(response.body!, (t) => t.includes(`id: ${one.eventId}\n`));
    expect(text).toMatch(/^retry: \d+\n/);
    expect(text).toContain(`"id":${one.commentId}`);
    first.controller.abort();

    // Reconnected (EventSource sends the last id it got): only what came after it.
    const two = await newComment(post.id);
    const again = ask(post.id, { "last-event-id": String(one.eventId) }, `?after=${start}`);
    const resumed = await readUntil((await again.response).body!, (t) => t.includes(`id: ${two.eventId}\n`));
    expect(resumed).not.toContain(`id: ${one.eventId}\n`);
    again.controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(liveHub().streamCount).toBe(0);
  });
});
