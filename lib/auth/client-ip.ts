import { CLIENT_IP_HEADER, clientAddressIsStamped } from "@/lib/net/client-address.mjs";

/**
 * The client's address as server.mjs determined it from the socket and the declared
 * proxies (TRUSTED_PROXIES, docs/decisions/015 and 024): the one function every consumer
 * (sign-in and sign-up throttles, view and share counting, the security log) reads it
 * through. X-Forwarded-For is never read here: any client can send one. Null when the
 * app runs without server.mjs (`next dev`, a bare `next start`): there the header is
 * whatever the client sent, so it is not believed. Used only to key throttles and
 * hashes, never stored in clear.
 */
export function clientIp(headers: Headers): string | null {
  if (!clientAddressIsStamped()) return null;
  const ip = headers.get(CLIENT_IP_HEADER)?.trim();
  return ip && ip.length <= 64 ? ip : null;
}
