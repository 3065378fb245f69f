import type { NextConfig } from "next";
import { readUploadSettings } from "./lib/uploads/settings";

// Cover images arrive through the post form's server action: allow the image limit
// plus room for the post's text (Markdown up to 200,000 characters, multi-byte).
const serverActionBodyBytes = readUploadSettings().maxBytes + 2 * 1024 * 1024;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: { serverActions: { bodySizeLimit: serverActionBodyBytes } },
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
    ];
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
