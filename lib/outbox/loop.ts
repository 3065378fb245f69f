import "server-only";

export type PollingLoop = {
  /** Runs every intervalMs (and when woken) until stopped. */
  start(): void;
  /** Runs now: there is new work. */
  wake(): void;
  /** Stops; resolves once the run in hand is done. */
  stop(): Promise<void>;
};

/**
 * The rhythm of every background worker (the outbox's senders, the event log's
 * consumers): one run at a time, again at once when a run says more is waiting or a
 * wake-up came during it, otherwise after `intervalMs`. A run that throws is reported
 * and the loop goes on (a database that fails now may answer next time).
 */
export function createPollingLoop({
  run,
  intervalMs,
  onError,
}: {
  /** Resolves with true when more work is waiting (a full batch). */
  run: () => Promise<boolean>;
  intervalMs: number;
  onError: (error: unknown) => void;
}): PollingLoop {
  let timer: NodeJS.Timeout | null = null;
  let stopped = true;
  let running: Promise<unknown> | null = null;
  let again = false;

  function schedule(delayMs: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, delayMs);
    timer.unref?.();
  }

  function tick() {
    timer = null;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = run()
      .then((more) => {
        if (more) again = true;
      })
      .catch(onError)
      .finally(() => {
        running = null;
        schedule(again ? 0 : intervalMs);
      });
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      schedule(0);
    },
    wake() {
      if (stopped) return;
      if (running) again = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
