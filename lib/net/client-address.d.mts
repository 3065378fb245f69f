import type { BlockList } from "node:net";

export type ProxyTrust = { hops: number } | { proxies: BlockList };
export const CLIENT_IP_HEADER: "x-commonplace-client-ip";
export function declareClientAddressStamping(): void;
export function clientAddressIsStamped(): boolean;
export function parseTrustedProxies(text: string | undefined): ProxyTrust;
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: ProxyTrust,
): string | null;
export function fromTrustedProxy(socketAddress: string | undefined, trust: ProxyTrust): boolean;
export function stampClientAddress(req: import("node:http").IncomingMessage, trust: ProxyTrust): void;
