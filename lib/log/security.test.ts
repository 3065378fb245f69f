import { afterEach, describe, expect, it, vi } from "vitest";
import { hashIp, securityEvent } from "@/lib/log/security";

describe("securityEvent", () => {
  const written: string[] = [];
  afterEach(() => {
    written.length = 0;
    vi.restoreAllMocks();
  });

  function capture() {
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
  }

  it("writes the event under its fixed name with the address only as a hash", () => {
    capture();
    securityEvent("auth.sign_in.failed", { ip: "203.0.113.9", reason: "bad-password" });
    const text = written.join("");
    expect(text).toContain("auth.sign_in.failed");
    expect(text).toContain(hashIp("203.0.113.9"));
    expect(text).toContain("bad-password");
    expect(text).not.toContain("203.0.113.9");
  });

  it("hashes one address the same way each time and two addresses apart", () => {
    expect(hashIp("2001:db8::1")).toBe(hashIp("2001:db8::1"));
    expect(hashIp("2001:db8::1")).not.toBe(hashIp("2001:db8::2"));
    expect(hashIp("2001:db8::1")).toHaveLength(16);
  });
});
