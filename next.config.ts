import type { NextConfig } from "next";
import { fileURLToPath } from "node:url";
import { parseEnv } from "./lib/env-schema";

// Cover images arrive through the post form's server action: allow the image limit
// plus room for the post's text (Markdown up to 200,000 characters, multi-byte). Parsing
// the whole environment here also stops a build with a bad setting.
const serverActionBodyBytes = parseEnv(process.env).UPLOAD_MAX_BYTES + 2 * 1024 * 1024;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Cached reader pages carry a hash-based script policy (docs/decisions/010).
  cacheHandler: fileURLToPath(new URL("./lib/cache/csp-cache-handler.mjs", import.meta.url)),
  experimental: {
    serverActions: { bodySizeLimit: serverActionBodyBytes },
    // Script files get integrity hashes, so a cached page names exactly what it runs.
    sri: { algorithm: "sha256" },
  },
  // Native and WebAssembly modules are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@node-rs/argon2"],
  async redirects() {
    // Blogger's own permalinks end in .html; people arriving with one land on the post.
    return [
      {
        source: "/:year(\\d{4})/:month(\\d{2})/:slug([^/]+)\\.html",
        destination: "/:year/:month/:slug",
        statusCode: 301,
      },
      // Blogger's static pages too (/p/about.html): an import keeps their slugs.
      {
        source: "/p/:slug([^/]+)\\.html",
        destination: "/p/:slug",
        statusCode: 301,
      },
      // WordPress's addresses, kept by an import (npm run import): the post they became.
      {
        source: "/",
        has: [{ type: "query", key: "p", value: "(?<p>\\d{1,12})" }],
        destination: "/moved?p=:p",
        permanent: false,
      },
      {
        // Not a two-digit post's own card (/YYYY/MM/19/opengraph-image).
        source: "/:year(\\d{4})/:month(\\d{2})/:day(\\d{2})/:slug((?!opengraph-image$)[^/]+)",
        destination: "/moved?from=/:year/:month/:day/:slug",
        permanent: false,
      },
      // Replying without JavaScript happens on a page of its own (the post page is cached).
      {
        source: "/:year(\\d{4})/:month(\\d{2})/:slug",
        has: [{ type: "query", key: "replyTo", value: "(?<commentId>\\d{1,10})" }],
        destination: "/comments/:commentId/reply",
        permanent: false,
      },
      // Blogger's comment permalinks (?showComment=<ms>) find the comment's page.
      {
        source: "/:year(\\d{4})/:month(\\d{2})/:slug",
        has: [{ type: "query", key: "showComment", value: "(?<at>\\d{1,15})" }],
        destination: "/comments/at/:at?post=/:year/:month/:slug",
        permanent: false,
      },
    ];
  },
  async rewrites() {
    // Listing pages live at path URLs so each is cached on its own; ?page=N stays valid.
    const paged = (source: string, destination: string) => ({
      source,
      has: [{ type: "query" as const, key: "page", value: "(?<page>[\\w.-]{1,20})" }],
      destination,
    });
    return {
      beforeFiles: [
        paged("/", "/page/:page"),
        // The first page too: a dynamic route is cached on first request, so building
        // needs no database (docs/decisions/010).
        { source: "/", destination: "/page/1" },
        paged("/label/:slug", "/label/:slug/page/:page"),
        paged("/:year(\\d{4})/:month(\\d{2})", "/archive/:year/:month/:page"),
        // A post's discussion in another order: a cached page of its own (docs/decisions/030).
        {
          source: "/:year(\\d{4})/:month(\\d{2})/:slug",
          has: [{ type: "query", key: "sort", value: "(?<sort>newest|best)" }],
          destination: "/:year/:month/:slug/sorted/:sort",
        },
        // RSS: Blogger's `?alt=rss` form and the /feed.xml many readers try first.
        {
          source: "/feeds/posts/default",
          has: [{ type: "query", key: "alt", value: "rss" }],
          destination: "/feeds/posts/rss",
        },
        { source: "/feed.xml", destination: "/feeds/posts/rss" },
      ],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          // Browsers ignore HSTS over plain HTTP, so local use is unaffected.
          { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
        ],
      },
    ];
  },
};

export default nextConfig;
