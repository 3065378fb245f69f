import { CLIENT_IP_HEADER } from "@/lib/net/client-address.mjs";

/**
 * The client's address as server.mjs determined it from the socket and the declared
 * proxies (TRUSTED_PROXIES, docs/decisions/015). X-Forwarded-For is never read here: any
 * client can send one. Null when the app runs without server.mjs (`next dev`). Used only
 * to key throttles and visitor hashes, never stored in clear.
 */
export function clientIp(headers: Headers): string | null {
  const ip = headers.get(CLIENT_IP_HEADER)?.trim();
  return ip && ip.length <= 64 ? ip : null;
}
