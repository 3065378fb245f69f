import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.mjs";
import { currentRequestId, newRequestId, requestIdFor, runWithRequestId } from "./request-context.mjs";

function capture() {
  const lines: string[] = [];
  const log = createLogger({ write: (line) => lines.push(line) });
  return { log, entries: () => lines.map((line) => JSON.parse(line)) };
}

describe("request ids", () => {
  it("takes a proxy's id only from a trusted proxy, and only a sane one", () => {
    expect(requestIdFor("nginx-7f3a9c", true)).toBe("nginx-7f3a9c");
    expect(requestIdFor(["a1", "a2"], true)).toBe("a1");
    const made = requestIdFor("chosen-by-the-client", false);
    expect(made).not.toBe("chosen-by-the-client");
    expect(made).toMatch(/^[\w-]{22}$/);
    for (const bad of ["", "two words", 'quote"', "line\nbreak", "x".repeat(129)])
      expect(requestIdFor(bad, true)).not.toBe(bad);
    expect(requestIdFor(undefined, true)).toMatch(/^[\w-]{22}$/);
    expect(newRequestId()).not.toBe(newRequestId());
  });

  it("is on every line written while the request runs, across awaits and timers, and on none outside", async () => {
    const { log, entries } = capture();
    log.info("before");
    await runWithRequestId("req-1", async () => {
      log.info("start");
      await sleep(5);
      await new Promise<void>((resolve) =>
        setImmediate(() => {
          log.warn("in a callback");
          resolve();
        }),
      );
      await Promise.resolve().then(() => log.error("in a continuation", { requestId: "forged" }));
    });
    log.info("after");
    expect(entries().map((entry) => [entry.msg, entry.requestId])).toEqual([
      ["before", undefined],
      ["start", "req-1"],
      ["in a callback", "req-1"],
      ["in a continuation", "req-1"],
      ["after", undefined],
    ]);
    // A field cannot pose as the request id.
    expect(entries()[3].field_requestId).toBe("forged");
  });

  it("keeps concurrent requests apart", async () => {
    const { log, entries } = capture();
    await Promise.all(
      ["a", "b", "c"].map((id, index) =>
        runWithRequestId(id, async () => {
          for (let step = 0; step < 3; step += 1) {
            await sleep(3 - index);
            log.info(`${id}${step}`);
          }
        }),
      ),
    );
    expect(entries()).toHaveLength(9);
    for (const entry of entries()) expect(entry.requestId).toBe(entry.msg[0]);
    expect(currentRequestId()).toBeUndefined();
  });

  it("is one store for every copy of the module (Next bundles the app's copy apart)", async () => {
    const copy = await import(/* @vite-ignore */ `./request-context.mjs?copy=${Date.now()}`);
    expect(copy.runWithRequestId).not.toBe(runWithRequestId);
    runWithRequestId("shared", () => expect(copy.currentRequestId()).toBe("shared"));
  });
});
