// Next compiles `matcher` sources with this same path-to-regexp matcher.
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { PER_REQUEST_PREFIXES } from "@/lib/cache/reader-routes";
import { config, proxy } from "./proxy";

const [perRequest] = config.matcher;
const matchesPerRequest = (path: string) => getPathMatch(perRequest.source)(path) !== false;

describe("proxy matcher", () => {
  it("runs on exactly the pages rendered per request (lib/cache/reader-routes.ts)", () => {
    for (const prefix of PER_REQUEST_PREFIXES) {
      expect(matchesPerRequest(prefix), prefix).toBe(true);
      expect(matchesPerRequest(`${prefix}/deeper/path`), prefix).toBe(true);
    }
    for (const cached of [
      "/",
      "/2024/06/a-post",
      "/2024/06/a-post/comments/12",
      "/label/asia",
      "/p/about",
      "/signinx",
    ]) {
      expect(matchesPerRequest(cached), cached).toBe(false);
    }
  });
});

describe("proxy", () => {
  const request = (path: string, cookie = "") =>
    new NextRequest(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });

  it("gives per-request pages a fresh nonce policy and cached pages none of their own", () => {
    const first = proxy(request("/signin")).headers.get("content-security-policy");
    const second = proxy(request("/signin")).headers.get("content-security-policy");
    expect(first).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(first).not.toBe(second);
    expect(proxy(request("/2024/06/a-post")).headers.get("content-security-policy")).toBeNull();
  });

  it("sets the signed-in hint with a session cookie and takes it back without one", () => {
    expect(
      proxy(request("/2024/06/a-post", "authjs.session-token=x")).cookies.get("cp_signed_in")?.value,
    ).toBe("1");
    expect(proxy(request("/2024/06/a-post", "cp_signed_in=1")).headers.get("set-cookie")).toMatch(
      /cp_signed_in=;/,
    );
    expect(
      proxy(request("/2024/06/a-post", "authjs.session-token=x; cp_signed_in=1")).headers.get("set-cookie"),
    ).toBeNull();
  });
});
