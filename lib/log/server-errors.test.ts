import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runWithRequestId } from "@/lib/log/request-context.mjs";
import { logServerError, routeConsoleToLog } from "@/lib/log/server-errors";

const written: string[] = [];
const entries = () =>
  written.flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((line) => JSON.parse(line));

beforeEach(() => {
  written.length = 0;
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const boom = () => Object.assign(new Error("Invalid time value"), { digest: "4120441956" });
const request = { method: "GET", path: "/2024/06/a-post?token=secret-token" };
const context = { routeType: "render", routePath: "/(blog)/[year]/[month]/[slug]/page" };

describe("server errors", () => {
  it("are logged with the digest readers see, the stack, the request id, and no query string", () => {
    runWithRequestId("req-9", () => logServerError(boom(), request, context));
    const [entry] = entries();
    expect(entry).toMatchObject({
      level: "error",
      msg: "server.error",
      requestId: "req-9",
      digest: "4120441956",
      method: "GET",
      path: "/2024/06/a-post",
      routeType: "render",
      error: {
        name: "Error",
        message: "Invalid time value",
        stack: expect.stringContaining("server-errors.test"),
      },
    });
    expect(written.join("")).not.toContain("secret-token");
  });

  it("are logged once per request when Next reports one failure twice", () => {
    runWithRequestId("req-a", () => {
      logServerError(boom(), request, context);
      logServerError(boom(), request, { ...context, routePath: "/[year]/[month]/[slug]" });
    });
    runWithRequestId("req-b", () => logServerError(boom(), request, context));
    expect(entries().map((entry) => entry.requestId)).toEqual(["req-a", "req-b"]);
  });
});

describe("Next's console output in production", () => {
  let restore: () => void;
  beforeEach(() => {
    const { error, warn } = console;
    restore = () => Object.assign(console, { error, warn });
    routeConsoleToLog();
  });
  afterEach(() => restore());

  it("becomes JSON lines; an error Next also reports to onRequestError is left to it", () => {
    runWithRequestId("req-c", () => {
      console.error("⨯", boom());
      console.error("failed to forward action response", new Error("socket hang up"));
      console.warn(new Error('Failed to find Server Action "abc".'));
      console.warn("\u001b[33m\u001b[1m⚠\u001b[22m\u001b[39m Missing `origin` header.");
    });
    expect(entries()).toMatchObject([
      {
        level: "error",
        msg: "console.error",
        requestId: "req-c",
        text: "failed to forward action response",
        error: { message: "socket hang up", stack: expect.any(String) },
      },
      { level: "warn", msg: "console.warn", text: 'Failed to find Server Action "abc".' },
      { level: "warn", msg: "console.warn", text: "⚠ Missing `origin` header." },
    ]);
    // An expected condition, a warning: no stack.
    expect(entries()[1]).not.toHaveProperty("error");
  });
});
