import { describe, expect, it } from "vitest";
import * as sessionHint from "@/lib/auth/session-hint";
import { HINT_COOKIE, SESSION_COOKIES } from "./page-cache.mjs";

// server.mjs's page cache is plain JavaScript loaded before the app, so it names the
// cookies itself; if they drifted, it would serve signed-in readers pages without their
// controls, or keep serving pages after a sign-in it cannot see.
describe("the page cache's cookie names", () => {
  it("are the ones the app sets and reads (lib/auth/session-hint.ts)", () => {
    expect(HINT_COOKIE).toBe(sessionHint.SESSION_HINT_COOKIE);
    expect(SESSION_COOKIES).toEqual([...sessionHint.SESSION_COOKIES]);
  });
});
