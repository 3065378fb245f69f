// The Content-Security-Policy of every page, in plain JavaScript because Next loads the
// cache handler (lib/cache/csp-cache-handler.mjs) with Node's own loader at run time.
// See docs/decisions/010-cached-reader-pages.md.

/**
 * Scripts run only if the policy names them: by this response's nonce on per-request
 * pages, by SHA-256 hash on cached pages (whose bytes are the same for every reader, so
 * a nonce would be public and useless). Same-origin script files stay allowed on cached
 * pages because Next loads its chunks by URL; they carry Subresource Integrity hashes.
 *
 * @param {{ scripts: { nonce: string } | { hashes: string[] }, development: boolean, https: boolean, formTargets?: string[] }} options
 * @returns {string}
 */
export function buildContentSecurityPolicy({ scripts, development, https, formTargets = [] }) {
  const scriptSources =
    "nonce" in scripts
      ? `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'`
      : ["'self'", ...scripts.hashes.map((hash) => `'sha256-${hash}'`)].join(" ");
  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources}${development ? " 'unsafe-eval'" : ""}`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Posts show images from other sites (an imported blog's, a URL typed in the editor):
    // any HTTPS image may load; an image cannot run code (docs/decisions/027). Plain http
    // stays out (mixed content), and nothing else leaves 'self'.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formTargets.map((target) => ` ${target}`).join("")}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/**
 * The policy's inputs that come from the environment, derived once here so the proxy
 * (which passes lib/env.ts) and the cache handler (plain JavaScript loaded by Node, which
 * passes process.env) cannot disagree.
 * @param {{ NODE_ENV?: string, SITE_URL?: string, AUTH_GITHUB_ID?: string, AUTH_GOOGLE_ID?: string, COMMENT_GRAVATAR?: string | boolean }} env
 */
export function policyEnvironment(env) {
  return {
    development: env.NODE_ENV === "development",
    https: (env.SITE_URL ?? "").startsWith("https://"),
    formTargets: [
      ...(env.AUTH_GITHUB_ID ? ["https://github.com"] : []),
      ...(env.AUTH_GOOGLE_ID ? ["https://accounts.google.com"] : []),
    ],
  };
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * Base64 SHA-256 hashes of the inline scripts in a page, as CSP `'sha256-…'` sources
 * want them (the hash of the exact text between the tags).
 * @param {string} html
 * @param {(text: string) => string} sha256Base64
 * @returns {string[]}
 */
export function inlineScriptHashes(html, sha256Base64) {
  const hashes = new Set();
  for (const match of html.matchAll(INLINE_SCRIPT)) hashes.add(sha256Base64(match[1]));
  return [...hashes];
}
