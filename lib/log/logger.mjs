// Structured logs: one JSON object per line on standard output (time, level, msg, then
// the fields), which any log collector reads without a parser of ours; in development
// one readable line instead. Plain JavaScript: server.mjs logs with it before Next loads.
// Secrets and addresses must not reach a log (../shared/notes/security.md): passwords in
// URLs and email addresses are masked in every string written, error texts included.
// A line written while server.mjs handles a request carries that request's `requestId`
// (./request-context.mjs), so an operator can gather everything one request logged.
import { currentRequestId } from "./request-context.mjs";

/** Lowest first: a logger writes its level and those after it. */
export const LOG_LEVELS = /** @type {const} */ (["debug", "info", "warn", "error"]);

/**
 * LOG_LEVEL: unset or empty is "info"; anything else must be one of LOG_LEVELS.
 * @param {string | undefined} text
 */
export function parseLogLevel(text) {
  const value = text?.trim().toLowerCase() || "info";
  if (!LOG_LEVELS.includes(/** @type {never} */ (value)))
    throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}`);
  return /** @type {(typeof LOG_LEVELS)[number]} */ (value);
}

const RESERVED = new Set(["time", "level", "msg", "pid", "requestId"]);
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi;
const EMAIL = /[^\s@"'<>()[\],;:*]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/gi;

/** A string with URL passwords and email addresses masked. */
export function scrub(text) {
  return text.replace(URL_PASSWORD, "$1***@").replace(EMAIL, "[email]");
}

/** A field value as JSON can carry it: errors by name, message, code and stack. */
function plain(value, depth = 0) {
  if (typeof value === "string") return scrub(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Error) {
    const error = { name: value.name, message: scrub(value.message) };
    if ("code" in value && value.code !== undefined) error.code = String(value.code);
    if (value.stack) error.stack = scrub(value.stack);
    if (value.cause !== undefined && depth < 3) error.cause = plain(value.cause, depth + 1);
    return error;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return depth < 3 ? value.map((item) => plain(item, depth + 1)) : "[array]";
  if (value && typeof value === "object") {
    if (depth >= 3) return "[object]";
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item, depth + 1)]));
  }
  return value;
}

/** One log line: JSON, or `HH:MM:SS.mmm LEVEL msg key=value` with any stack below. */
export function formatEntry(entry, format) {
  if (format === "json") return JSON.stringify(entry);
  const { time, level, msg, ...fields } = entry;
  delete fields.pid; // one process per terminal in development
  const stacks = [];
  const pairs = Object.entries(fields).map(([key, value]) => {
    if (value && typeof value === "object" && typeof value.stack === "string") {
      stacks.push(value.stack);
      return `${key}=${JSON.stringify(value.message)}`;
    }
    return `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`;
  });
  const head = [time.slice(11, 23), level.toUpperCase().padEnd(5), msg, ...pairs].join(" ");
  return [head, ...stacks.map((stack) => stack.replace(/^/gm, "    "))].join("\n");
}

/**
 * A logger writing entries at `level` and above. `fields` are merged into every entry
 * (a child logger adds its own); keys time, level, msg, pid and requestId are the logger's.
 * @param {{ level?: string, format?: "json" | "plain", write?: (line: string) => void, fields?: object }} [options]
 */
export function createLogger({
  level = "info",
  format = "json",
  write = (line) => process.stdout.write(`${line}\n`),
  fields: base = {},
} = {}) {
  const threshold = LOG_LEVELS.indexOf(parseLogLevel(level));
  const emit = (entryLevel, msg, fields) => {
    if (LOG_LEVELS.indexOf(entryLevel) < threshold) return;
    const entry = {
      time: new Date().toISOString(),
      level: entryLevel,
      msg: scrub(String(msg)),
      pid: process.pid,
    };
    const requestId = currentRequestId();
    if (requestId !== undefined) entry.requestId = requestId;
    for (const [key, value] of Object.entries({ ...base, ...fields })) {
      if (value !== undefined) entry[RESERVED.has(key) ? `field_${key}` : key] = plain(value);
    }
    write(formatEntry(entry, format));
  };
  return {
    debug: (msg, fields) => emit("debug", msg, fields),
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
    child: (fields) => createLogger({ level, format, write, fields: { ...base, ...fields } }),
  };
}
