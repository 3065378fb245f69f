import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp";

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce and forbids framing and plugins", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", development: false, https: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("adds what development, HTTPS and OAuth need", () => {
    const policy = contentSecurityPolicy({ nonce: "n", development: true, https: true, formTargets: ["https://github.com"] });
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).toContain("upgrade-insecure-requests");
    expect(policy).toContain("form-action 'self' https://github.com");
  });
});
