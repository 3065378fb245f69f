import type { DeletionKind } from "@/lib/comments/tree";
import type { TextSegment } from "@/lib/text/linkify";
import { toParagraphs } from "@/lib/text/paragraphs";

/**
 * What a live thread's stream says (docs/decisions/038), shared by the server that
 * writes it and the page that reads it. Client-safe: no settings, no database.
 */
export const LIVE_EVENT_KINDS = [
  "comment.created",
  "comment.approved",
  "comment.deleted",
  "comment.restored",
  "comment.edited",
  "comment.hidden",
] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

/**
 * A published comment as every reader of the post may see it now (the same the cached
 * page shows): no text once deleted or hidden, never a held comment.
 */
export type LiveComment = {
  id: number;
  parentId: number | null;
  authorName: string;
  /**
   * The text as paragraphs of lines of segments, links found on the server (the page
   * then needs no link finder); null when deleted or hidden.
   */
  text: LiveText | null;
  deleted: DeletionKind | null;
  hidden: boolean;
  /** ISO time of the last edit. */
  editedAt: string | null;
};

export type LiveText = TextSegment[][][];

/** `body` split as UserText shows it (components/user-text.tsx), with `linkify` passed in. */
export function liveText(body: string, linkify: (line: string) => TextSegment[]): LiveText {
  return toParagraphs(body).map((lines) => lines.map(linkify));
}

export type LiveEvent = { id: number; kind: LiveEventKind; comment: LiveComment };

/** One SSE message: `id:` is the event log's id, which EventSource sends back on reconnect. */
export function liveMessage(id: number, kind: LiveEventKind, comment: LiveComment): string {
  return `id: ${id}\ndata: ${JSON.stringify({ kind, comment })}\n\n`;
}

/** The data of a message, or null when it is not one of ours. */
export function parseLiveEvent(id: string, data: string): LiveEvent | null {
  const eventId = Number(id);
  if (!Number.isSafeInteger(eventId) || eventId <= 0) return null;
  try {
    const parsed = JSON.parse(data) as { kind?: unknown; comment?: LiveComment };
    if (
      !(LIVE_EVENT_KINDS as readonly unknown[]).includes(parsed.kind) ||
      typeof parsed.comment?.id !== "number"
    )
      return null;
    return { id: eventId, kind: parsed.kind as LiveEventKind, comment: parsed.comment };
  } catch {
    return null;
  }
}

/** Where a post's stream is served; `after` resumes after an event id (the page's, first). */
export function liveStreamPath(postId: number, after: number): string {
  return `/api/posts/${postId}/live?after=${after}`;
}

/** A comment a reader should see: published and not deleted. */
export function isLiveComment(comment: LiveComment): boolean {
  return comment.deleted === null;
}
