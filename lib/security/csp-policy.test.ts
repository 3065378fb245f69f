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

  it("lets images come from any HTTPS site, and nothing else leave this site", () => {
    const policy = buildContentSecurityPolicy({
      scripts: { nonce: "n" },
      development: false,
      https: true,
      formTargets: [],
    });
    const directives = new Map(
      policy.split("; ").map((directive) => {
        const [name, ...sources] = directive.split(" ");
        return [name, sources];
      }),
    );
    expect(directives.get("img-src")).toEqual(["'self'", "data:", "blob:", "https:"]);
    for (const [name, sources] of directives)
      if (name !== "img-src") expect(sources.filter((source) => /^(https?:|\*)/.test(source))).toEqual([]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
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

  it("lets Gravatar images load whether or not it is on: any HTTPS image may (decision 027)", () => {
    expect(imgSrc({})).toBe("img-src 'self' data: blob: https:");
    expect(imgSrc({ COMMENT_GRAVATAR: "true" })).toBe(imgSrc({}));
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
