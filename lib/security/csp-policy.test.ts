import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { buildContentSecurityPolicy, inlineScriptHashes, policyEnvironment } from "./csp-policy.mjs";

describe("buildContentSecurityPolicy", () => {
  it("allows scripts only with the nonce and forbids framing and plugins", () => {
    const policy = buildContentSecurityPolicy({
      scripts: { nonce: "abc123" },
      development: false,
      https: false,
      formTargets: [],
    });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).not.toContain("upgrade-insecure-requests");
  });

  it("adds what development, HTTPS and OAuth need", () => {
    const policy = buildContentSecurityPolicy({
      scripts: { nonce: "n" },
      development: true,
      https: true,
      formTargets: ["https://github.com"],
    });
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).toContain("upgrade-insecure-requests");
    expect(policy).toContain("form-action 'self' https://github.com");
  });

  it("allows a cached page's inline scripts by hash only, and script files from this site", () => {
    const policy = buildContentSecurityPolicy({
      scripts: { hashes: ["aGFzaA=="] },
      development: false,
      https: false,
      formTargets: [],
    });
    expect(policy).toContain("script-src 'self' 'sha256-aGFzaA=='");
    expect(policy).not.toContain("unsafe-inline' ;");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain("nonce-");
  });
});

describe("policyEnvironment", () => {
  const imgSrc = (env: Parameters<typeof policyEnvironment>[0]) =>
    buildContentSecurityPolicy({ scripts: { nonce: "n" }, ...policyEnvironment(env) })
      .split("; ")
      .find((directive) => directive.startsWith("img-src"));

  it("allows images from gravatar.com only when the blog owner turned Gravatar on", () => {
    expect(imgSrc({})).toBe("img-src 'self' data: blob:");
    expect(imgSrc({ COMMENT_GRAVATAR: "0" })).toBe("img-src 'self' data: blob:");
    expect(imgSrc({ COMMENT_GRAVATAR: false })).toBe("img-src 'self' data: blob:");
    // The proxy passes the parsed environment, the cache handler the raw one: both agree.
    expect(imgSrc({ COMMENT_GRAVATAR: "true" })).toBe("img-src 'self' data: blob: https://gravatar.com");
    expect(imgSrc({ COMMENT_GRAVATAR: true })).toBe("img-src 'self' data: blob: https://gravatar.com");
  });
});

describe("inlineScriptHashes", () => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("base64");

  it("hashes the exact text of each inline script, not script files", () => {
    const html = `<script src="/a.js" async=""></script><script>self.x=1</script><p>text</p><script id="y">(()=>{})()</script><script>self.x=1</script>`;
    expect(inlineScriptHashes(html, sha256)).toEqual([sha256("self.x=1"), sha256("(()=>{})()")]);
  });

  it("does not hash text that only looks like a script inside other markup", () => {
    // React escapes "<" in text, so user text can never form a <script> tag.
    expect(inlineScriptHashes("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", sha256)).toEqual([]);
  });
});
