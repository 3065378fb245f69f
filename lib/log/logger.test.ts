import { describe, expect, it } from "vitest";
import { createLogger, parseLogLevel } from "./logger.mjs";

function capture(options: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  const log = createLogger({ ...options, write: (line) => lines.push(line) });
  return { log, lines, entries: () => lines.map((line) => JSON.parse(line)) };
}

describe("createLogger", () => {
  it("writes one JSON object per line: time, level, msg, pid, then the fields", () => {
    const { log, lines, entries } = capture();
    log.info("Commonplace is serving", { port: 3000, cache: { ttlMs: 1000 } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain("\n");
    const [entry] = entries();
    expect(Object.keys(entry)).toEqual(["time", "level", "msg", "pid", "port", "cache"]);
    expect(entry).toMatchObject({
      level: "info",
      msg: "Commonplace is serving",
      pid: process.pid,
      port: 3000,
      cache: { ttlMs: 1000 },
    });
    expect(new Date(entry.time).toISOString()).toBe(entry.time);
  });

  it("drops entries below its level", () => {
    const { log, entries } = capture({ level: "warn" });
    log.debug("d");
    log.info("i");
    log.warn("w");
    log.error("e");
    expect(entries().map((entry) => entry.level)).toEqual(["warn", "error"]);
  });

  it("keeps its own keys from being overwritten by fields, and adds a child's fields", () => {
    const { log, entries } = capture();
    log.child({ instance: "a" }).warn("real", { level: "fake", msg: "fake", time: 1 });
    expect(entries()[0]).toMatchObject({
      level: "warn",
      msg: "real",
      instance: "a",
      field_level: "fake",
      field_msg: "fake",
      field_time: 1,
    });
  });

  it("writes an error's name, message, code, stack and cause", () => {
    const { log, entries } = capture();
    const error = Object.assign(new Error("flush failed", { cause: new Error("disk full") }), {
      code: "SQLITE_FULL",
    });
    log.error("Counter flush failed", { error });
    const logged = entries()[0].error;
    expect(logged).toMatchObject({ name: "Error", message: "flush failed", code: "SQLITE_FULL" });
    expect(logged.stack).toContain("logger.test.ts");
    expect(logged.cause).toMatchObject({ message: "disk full" });
  });

  it("masks passwords in URLs and email addresses, in messages, fields and errors", () => {
    const { log, lines } = capture();
    log.error("connect to postgresql://blog:s3cret@db.internal:5432/blog failed for ann@example.com", {
      url: "postgres://u:p%40ss@10.0.0.5/db",
      error: new Error("user bob.smith+x@mail.example.org not found"),
    });
    const text = lines.join("\n");
    for (const secret of ["s3cret", "p%40ss", "ann@example.com", "bob.smith", "mail.example.org"])
      expect(text).not.toContain(secret);
    expect(text).toContain("postgresql://blog:***@");
    expect(text).toContain("[email]");
  });

  it("writes one readable line (and the stack below) in the plain format", () => {
    const { log, lines } = capture({ format: "plain" });
    log.warn("Readiness check failed", { probe: "ready", error: new Error("no answer") });
    const [head, ...stack] = lines[0].split("\n");
    expect(head).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} WARN {2}Readiness check failed probe=ready error="no answer"$/,
    );
    expect(stack[0]).toBe("    Error: no answer");
  });
});

describe("parseLogLevel", () => {
  it("defaults to info, ignores case and refuses unknown levels", () => {
    expect(parseLogLevel(undefined)).toBe("info");
    expect(parseLogLevel(" ")).toBe("info");
    expect(parseLogLevel("DEBUG")).toBe("debug");
    expect(() => parseLogLevel("verbose")).toThrow(/LOG_LEVEL must be one of debug, info, warn, error/);
  });
});
