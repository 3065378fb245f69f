// The client's address, decided once in server.mjs from the socket and the proxy chain
// the operator declares, then handed to the app in one header (docs/decisions/015).
// Plain JavaScript: server.mjs runs it before Next loads.
import { BlockList, isIP } from "node:net";

/** The only header the app reads the client address from; server.mjs always sets it. */
export const CLIENT_IP_HEADER = "x-commonplace-client-ip";

// server.mjs and the app it loads share one process and so globalThis (as the page cache
// does). Under a bare `next start` or `next dev` nothing sets this, and the header is
// whatever the client sent: the app must then ignore it.
const STAMPING = Symbol.for("commonplace.clientAddress.stamping");

/** Called once by server.mjs, before it serves: every request's header is its own work. */
export function declareClientAddressStamping() {
  globalThis[STAMPING] = true;
}

/** True only in a process whose server stamps CLIENT_IP_HEADER on every request. */
export function clientAddressIsStamped() {
  return globalThis[STAMPING] === true;
}

/**
 * TRUSTED_PROXIES: unset or empty trusts no proxy (the socket's peer is the client); a
 * whole number is how many proxies stand in front (each appends to X-Forwarded-For);
 * otherwise a comma-separated list of addresses and CIDR ranges of the proxies. Throws
 * an Error naming the bad entry.
 * @param {string | undefined} text
 * @returns {{ hops: number } | { proxies: BlockList }}
 */
export function parseTrustedProxies(text) {
  const value = text?.trim() ?? "";
  if (value === "") return { hops: 0 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 20) throw new Error("TRUSTED_PROXIES: a hop count above 20 is not a real proxy chain");
    return { hops };
  }
  const proxies = new BlockList();
  for (const entry of value.split(",").map((part) => part.trim())) {
    const [address, prefix, extra] = entry.split("/");
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    if (
      family === 0 ||
      extra !== undefined ||
      (prefix !== undefined && !/^\d+$/.test(prefix)) ||
      Number(prefix) > bits
    )
      throw new Error(`TRUSTED_PROXIES: "${entry}" is neither a hop count nor an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) proxies.addAddress(address, type);
    else proxies.addSubnet(address, Number(prefix), type);
  }
  return { proxies };
}

/**
 * Walks from the socket's peer leftwards through X-Forwarded-For while the address at
 * hand is a trusted proxy; the first address not trusted is the client. Entries left of
 * it are whatever the client chose to send, and are never used.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {{ hops: number } | { proxies: BlockList }} trust
 * @returns {string | null}
 */
export function clientAddress(socketAddress, forwardedFor, trust) {
  const peer = normalize(socketAddress);
  if (peer === null) return null;
  const chain = [peer];
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  for (const entry of header.split(",").reverse()) {
    const address = normalize(entry);
    // Past a malformed entry nothing is reliable: stop at the last good address.
    if (address === null) break;
    chain.push(address);
  }
  if ("hops" in trust) return chain[Math.min(trust.hops, chain.length - 1)];
  let index = 0;
  while (index < chain.length - 1 && trusted(trust.proxies, chain[index])) index += 1;
  return chain[index];
}

/**
 * Whether the socket's peer is a proxy the operator declared: only then may headers it
 * adds for the client (X-Forwarded-For, X-Request-Id) be believed.
 * @param {string | undefined} socketAddress
 * @param {{ hops: number } | { proxies: BlockList }} trust
 */
export function fromTrustedProxy(socketAddress, trust) {
  const peer = normalize(socketAddress);
  if (peer === null) return false;
  return "hops" in trust ? trust.hops > 0 : trusted(trust.proxies, peer);
}

function trusted(proxies, address) {
  return proxies.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

// A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
function normalize(text) {
  const address = text?.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "") ?? "";
  return isIP(address) === 0 ? null : address;
}

/**
 * Sets CLIENT_IP_HEADER on a request as server.mjs receives it, replacing whatever the
 * client sent under that name.
 * @param {import("node:http").IncomingMessage} req
 * @param {{ hops: number } | { proxies: BlockList }} trust
 */
export function stampClientAddress(req, trust) {
  const address = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trust);
  if (address === null) delete req.headers[CLIENT_IP_HEADER];
  else req.headers[CLIENT_IP_HEADER] = address;
}
