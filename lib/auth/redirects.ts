/**
 * Return URLs (callbackUrl, ?next=) are accepted only as same-origin relative paths:
 * "/2024/06/post#c12" yes; "//evil.example", "/\\evil", "javascript:", absolute URLs
 * and their encoded forms no.
 */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  for (const candidate of [value, decoded]) {
    if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) return fallback;
    if (/[\u0000-\u001F\u007F]/.test(candidate)) return fallback;
  }
  // Resolve against a dummy origin: anything that escapes it is not ours.
  const url = new URL(value, "http://commonplace.invalid");
  if (url.origin !== "http://commonplace.invalid") return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function signInPath(returnTo: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`;
}
