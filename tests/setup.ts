import { afterEach, beforeEach, vi } from "vitest";
import { forgetEverythingKept } from "@/lib/cache/kept-in-memory";
import { resetSession } from "./support/session";

// Every test file gets the same Auth.js entry and cache, whatever it imports first
// (tests/support/session.ts: signInAs, revalidated).
vi.mock("@/auth", async () => (await import("./support/session")).mockedAuth);
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  ...(await import("./support/session")).mockedCache,
}));
vi.mock("next/headers", async () => (await import("./support/session")).mockedHeaders);

// Each test starts signed out, with nothing revalidated yet, and reads rows the server
// keeps in memory afresh (tests change them directly).
beforeEach(() => {
  resetSession();
  forgetEverythingKept();
});

// An unexpected console.error is a failing test, not noise.
let errorSpy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errorSpy = vi.spyOn(console, "error");
});
afterEach(() => {
  const calls = errorSpy.mock.calls;
  errorSpy.mockRestore();
  if (calls.length > 0)
    throw new Error(`Unexpected console.error: ${calls.map((call: unknown[]) => call.join(" ")).join("\n")}`);
});
