/**
 * The client's address as the nearest proxy reports it (Next's server sets
 * x-forwarded-for for direct connections too). Used only to key throttles, never
 * stored in clear or trusted for anything else.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim();
  return ip && ip.length <= 64 ? ip : null;
}
