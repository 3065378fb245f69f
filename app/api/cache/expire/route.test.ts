import { describe, expect, it, vi } from "vitest";
import { revalidated } from "@/tests/support/session";
import { cacheExpireToken } from "@/lib/cache/expire-token.mjs";
import { POST } from "./route";

const expireWith = (authorization?: string) =>
  POST(
    new Request("http://localhost/api/cache/expire", {
      method: "POST",
      headers: authorization ? { authorization } : {},
    }),
  );

// Set before lib/env.ts parses the environment (once per process; this file has its own).
const SECRET = vi.hoisted(() => {
  const secret = "a server secret of at least thirty-two characters";
  process.env.AUTH_SECRET = secret;
  return secret;
});

describe("POST /api/cache/expire", () => {
  it("expires every cached page for the holder of the token derived from AUTH_SECRET", async () => {
    const response = await expireWith(`Bearer ${cacheExpireToken(SECRET)}`);
    expect(response.status).toBe(200);
    expect(revalidated).toEqual(["tag:_N_T_/layout"]);
  });

  it("refuses anyone else and expires nothing", async () => {
    for (const authorization of [
      undefined,
      "Bearer ",
      "Bearer nope",
      `Bearer ${cacheExpireToken("another secret of at least thirty-two chars")}`,
    ]) {
      expect((await expireWith(authorization)).status, String(authorization)).toBe(403);
    }
    expect(revalidated).toEqual([]);
  });
});
