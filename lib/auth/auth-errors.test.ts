import { afterEach, describe, expect, it, vi } from "vitest";
import { AuthError, CredentialsSignin } from "next-auth";
import { logAuthError } from "@/lib/auth/auth-errors";

describe("Auth.js's error log", () => {
  const written: string[] = [];
  afterEach(() => {
    written.length = 0;
    vi.restoreAllMocks();
  });
  const capture = () =>
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });

  it("stays silent on a failed or throttled sign-in, whatever the build renamed the class to", () => {
    capture();
    class ThrottledSignIn extends CredentialsSignin {
      code = "throttled";
    }
    for (const error of [new CredentialsSignin(), new ThrottledSignIn()]) {
      // What the production build's minifier makes of the class name.
      Object.defineProperty(error, "name", { value: "l" });
      logAuthError(error);
    }
    expect(written).toEqual([]);
  });

  it("logs a request's own fault (a missing CSRF token, a session cookie that does not verify) without a stack", () => {
    capture();
    for (const type of ["MissingCSRF", "JWTSessionError"]) {
      const error = Object.assign(new (class extends AuthError {})("bad request"), { type });
      Object.defineProperty(error, "name", { value: "l" });
      logAuthError(error);
    }
    const entries = written.map((line) => JSON.parse(line));
    expect(entries).toMatchObject([
      { level: "warn", msg: "auth.request_refused", type: "MissingCSRF" },
      { level: "warn", msg: "auth.request_refused", type: "JWTSessionError" },
    ]);
    expect(written.join("")).not.toContain("stack");
  });

  it("logs anything else with its stack", () => {
    capture();
    class Misconfigured extends AuthError {}
    logAuthError(new Misconfigured("no secret"));
    const entry = JSON.parse(written.join(""));
    expect(entry).toMatchObject({ level: "error", msg: "Auth.js error", error: { name: "Misconfigured" } });
    expect(entry.error.stack).toContain("auth-errors.test");
  });
});
