import { isIPv4, isIPv6 } from "node:net";

/**
 * Which network addresses a webhook may be delivered to (docs/decisions/037): the public
 * internet only, unless the operator allows private targets (WEBHOOKS_ALLOW_PRIVATE).
 * An allow-list for IPv6 (global unicast, 2000::/3, minus the special blocks inside it),
 * a deny-list for IPv4. Addresses that carry an IPv4 address inside (NAT64, 6to4) are
 * judged by that address; IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible forms are
 * refused whole: nothing public needs them, and some stacks connect them to the IPv4
 * address as is.
 */

/**
 * The URL's shape alone, before any lookup: https (or http when private targets are
 * allowed), no credentials, a host. Null when it may be used; else what completes "The URL …".
 */
export function refusedUrlReason(url: URL, allowPrivate: boolean): string | null {
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    return allowPrivate ? "must start with https:// or http://" : "must start with https://";
  if (url.username || url.password) return "must not contain a user name or password";
  if (!url.hostname) return "needs a host name";
  return null;
}

type Block = { base: bigint; bits: number; reason: string };

const V4_BLOCKS: Block[] = [
  v4("0.0.0.0", 8, "the unspecified / this-network block (0.0.0.0/8)"),
  v4("10.0.0.0", 8, "a private network (10.0.0.0/8)"),
  v4("100.64.0.0", 10, "shared address space / CGNAT (100.64.0.0/10)"),
  v4("127.0.0.0", 8, "loopback (127.0.0.0/8)"),
  v4("169.254.0.0", 16, "link-local (169.254.0.0/16)"),
  v4("172.16.0.0", 12, "a private network (172.16.0.0/12)"),
  v4("192.0.0.0", 24, "IETF protocol assignments (192.0.0.0/24)"),
  v4("192.0.2.0", 24, "documentation (192.0.2.0/24)"),
  v4("192.88.99.0", 24, "6to4 relay anycast (192.88.99.0/24)"),
  v4("192.168.0.0", 16, "a private network (192.168.0.0/16)"),
  v4("198.18.0.0", 15, "benchmarking (198.18.0.0/15)"),
  v4("198.51.100.0", 24, "documentation (198.51.100.0/24)"),
  v4("203.0.113.0", 24, "documentation (203.0.113.0/24)"),
  v4("224.0.0.0", 4, "multicast (224.0.0.0/4)"),
  v4("240.0.0.0", 4, "reserved (240.0.0.0/4, broadcast included)"),
];

const V6_BLOCKS: Block[] = [
  v6("::", 128, "the unspecified address (::)"),
  v6("::1", 128, "loopback (::1)"),
  v6("::ffff:0:0", 96, "an IPv4-mapped IPv6 address (::ffff:0:0/96)"),
  v6("::", 96, "an IPv4-compatible IPv6 address (::/96)"),
  v6("64:ff9b:1::", 48, "local-use NAT64 (64:ff9b:1::/48)"),
  v6("100::", 64, "discard-only (100::/64)"),
  v6("2001::", 32, "Teredo (2001::/32)"),
  v6("2001:db8::", 32, "documentation (2001:db8::/32)"),
  v6("3fff::", 20, "documentation (3fff::/20)"),
  v6("fc00::", 7, "a unique local address (fc00::/7)"),
  v6("fe80::", 10, "link-local (fe80::/10)"),
  v6("fec0::", 10, "site-local (fec0::/10)"),
  v6("ff00::", 8, "multicast (ff00::/8)"),
];

const NAT64 = v6("64:ff9b::", 96, "");
const SIX_TO_FOUR = v6("2002::", 16, "");
const GLOBAL_UNICAST = v6("2000::", 3, "");

/**
 * Why `address` (an IP address as text, IPv6 with or without brackets or a zone) may not
 * receive webhooks, or null when it is a public address. Anything that is not an IP
 * address is refused too.
 */
export function refusedAddressReason(address: string): string | null {
  const bare = address.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (isIPv4(bare)) return refusedV4(v4Value(bare));
  if (!isIPv6(bare)) return "not an IP address";
  const value = v6Value(bare);
  for (const block of V6_BLOCKS) if (inBlock(value, block, 128)) return block.reason;
  // IPv4 inside IPv6: judged by the IPv4 address it reaches.
  if (inBlock(value, NAT64, 128)) return refusedV4(Number(value & 0xffffffffn), "NAT64 to ");
  if (inBlock(value, SIX_TO_FOUR, 128)) return refusedV4(Number((value >> 80n) & 0xffffffffn), "6to4 of ");
  if (!inBlock(value, GLOBAL_UNICAST, 128)) return "outside IPv6 global unicast (2000::/3)";
  return null;
}

function refusedV4(value: number, prefix = ""): string | null {
  for (const block of V4_BLOCKS) if (inBlock(BigInt(value), block, 32)) return prefix + block.reason;
  return null;
}

function inBlock(value: bigint, block: Block, width: number): boolean {
  const shift = BigInt(width - block.bits);
  return value >> shift === block.base >> shift;
}

function v4(text: string, bits: number, reason: string): Block {
  return { base: BigInt(v4Value(text)), bits, reason };
}

function v6(text: string, bits: number, reason: string): Block {
  return { base: v6Value(text), bits, reason };
}

function v4Value(text: string): number {
  return text.split(".").reduce((value, part) => value * 256 + Number(part), 0);
}

/** An IPv6 address (already validated by isIPv6) as a 128-bit number. */
function v6Value(text: string): bigint {
  let groups = text;
  // A dotted IPv4 tail ("::ffff:127.0.0.1") is the last two groups.
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(groups);
  if (tail) {
    const value = v4Value(tail[1]);
    groups = `${groups.slice(0, -tail[1].length)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head, rest] = groups.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const fill = rest === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].reduce(
    (value, group) => (value << 16n) | BigInt(parseInt(group, 16)),
    0n,
  );
}
