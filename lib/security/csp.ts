/**
 * The Content-Security-Policy for pages: scripts only with this response's nonce (Next
 * puts it on its own scripts), no plugins, no framing, forms only to us (and the OAuth
 * providers in use, since a form's redirect counts too).
 */
export function contentSecurityPolicy({
  nonce,
  development,
  https,
  formTargets = [],
}: {
  nonce: string;
  development: boolean;
  https: boolean;
  formTargets?: string[];
}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React and Tailwind set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
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
