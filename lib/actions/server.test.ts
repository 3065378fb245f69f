import { describe, expect, it } from "vitest";
import { request } from "@/tests/support/session";
import { runAction } from "@/tests/support/actions";
import { attemptWrite, finish, refused, withNotice } from "@/lib/actions/server";
import { DatabaseBusyError } from "@/lib/data/errors";

describe("the action kit's server half", () => {
  it("answers a busy database instead of throwing, and rethrows anything else", async () => {
    expect(await attemptWrite(() => Promise.reject(new DatabaseBusyError()))).toEqual({
      ok: false,
      reason: "busy",
    });
    await expect(attemptWrite(() => Promise.reject(new Error("bug")))).rejects.toThrow("bug");
  });

  it("says the draft is kept only when there is one", () => {
    expect(refused("busy", { body: "words" }).formError).toMatch(/Your text is kept here\.$/);
    expect(refused("busy", { body: " " }).formError).not.toMatch(/kept/);
    expect(refused("banned", {}, { banned: "Banned from commenting." }).formError).toBe(
      "Banned from commenting.",
    );
  });

  it("returns the result to React and redirects a plain form post", async () => {
    const done = () =>
      finish(async () => "in place", { redirectTo: async () => "/there#c1", notice: "saved" });
    request.withScript = true;
    expect(await runAction(done)).toBe("in place");
    request.withScript = false;
    try {
      expect(await runAction(done)).toEqual({ status: "redirect", redirectTo: "/there?notice=saved#c1" });
      expect(await runAction(() => finish(1, { redirectTo: "/a?b=1" }))).toEqual({
        status: "redirect",
        redirectTo: "/a?b=1",
      });
    } finally {
      request.withScript = true;
    }
    expect(withNotice("/moderation", "not-found")).toBe("/moderation?notice=not-found");
  });
});
