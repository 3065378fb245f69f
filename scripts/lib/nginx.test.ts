import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IDLE_TIMEOUT_MS } from "@/lib/net/idle-timeouts.mjs";
import { renderSite } from "./nginx.mjs";

const documented = readFileSync("docs/nginx/commonplace.conf", "utf8");

describe("the documented nginx site", () => {
  it("is rendered with this run's instances, address and cache folder", () => {
    const site = renderSite({
      upstreams: ["127.0.0.1:3301", "127.0.0.1:3302"],
      listen: "127.0.0.1:8080",
      cacheDir: "/tmp/cache-here",
    });
    expect(site).toContain("server 127.0.0.1:3301;\n    server 127.0.0.1:3302;");
    expect(site).toContain("listen 127.0.0.1:8080;");
    expect(site).toContain("proxy_cache_path /tmp/cache-here ");
    expect(site).not.toContain("127.0.0.1:3000");
  });

  it("closes idle upstream connections before the app does (no reset on reuse)", () => {
    const upstream = documented.match(/upstream commonplace_app \{([^}]*)\}/)?.[1] ?? "";
    const seconds = Number(upstream.match(/keepalive_timeout (\d+)s;/)?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds * 1000).toBeLessThan(IDLE_TIMEOUT_MS);
  });
});
