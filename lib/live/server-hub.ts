import "server-only";
import { describeLiveComments } from "@/lib/data/live-comments";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { eventsAfter, latestEventId, onEventsRecorded } from "@/lib/events/log";
import { createLiveHub, type LiveHub } from "@/lib/live/hub";
import { onShutdown } from "@/lib/shutdown.mjs";

// One hub per process, on globalThis: Next may bundle this module more than once.
const KEY = Symbol.for("commonplace.liveHub");
type WithHub = typeof globalThis & { [KEY]?: LiveHub };

/** This server process's live-thread hub (docs/decisions/038), made on first use. */
export function liveHub(): LiveHub {
  const holder = globalThis as WithHub;
  if (!holder[KEY]) {
    const hub = createLiveHub({
      readEvents: (afterId, { postId, upTo, limit }) => eventsAfter(afterId, { postId, upTo, limit, db }),
      latestId: () => latestEventId({ db }),
      describe: (ids) => describeLiveComments(ids, db),
      onWake: onEventsRecorded,
      intervalMs: env.LIVE_POLL_MS,
      maxStreams: env.LIVE_MAX_STREAMS,
      maxStreamsPerIp: env.LIVE_MAX_STREAMS_PER_IP,
    });
    holder[KEY] = hub;
    // Readers reconnect to whichever instance is left (EventSource resumes by itself).
    onShutdown("live threads", () => hub.closeAll());
  }
  return holder[KEY];
}
