import { IncomingMessage } from "node:http";
import { Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { parseEnv } from "@/lib/env-schema";
import {
  CLIENT_IP_HEADER,
  clientAddress,
  declareClientAddressStamping,
  fromTrustedProxy,
  parseTrustedProxies,
  stampClientAddress,
} from "./client-address.mjs";

const none = parseTrustedProxies(undefined);

describe("clientAddress", () => {
  it("takes the socket's peer and ignores a forged X-Forwarded-For when no proxy is declared", () => {
    expect(clientAddress("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(clientAddress("203.0.113.7", "1.2.3.4, 5.6.7.8", parseTrustedProxies(""))).toBe("203.0.113.7");
    expect(clientAddress("::ffff:203.0.113.7", undefined, none)).toBe("203.0.113.7");
  });

  it("with one trusted hop, takes the right-most entry the proxy appended, not the client's first", () => {
    const oneHop = parseTrustedProxies("1");
    expect(clientAddress("10.0.0.2", "1.2.3.4, 198.51.100.20", oneHop)).toBe("198.51.100.20");
    expect(clientAddress("10.0.0.2", ["1.2.3.4", "198.51.100.20"], oneHop)).toBe("198.51.100.20");
    // A direct connection that skipped the proxy has no header: its own address.
    expect(clientAddress("198.51.100.30", undefined, oneHop)).toBe("198.51.100.30");
    expect(clientAddress("10.0.0.2", "9.9.9.9, 1.2.3.4, 198.51.100.20", parseTrustedProxies("2"))).toBe(
      "1.2.3.4",
    );
  });

  it("with declared proxy addresses, walks left past them to the first untrusted address", () => {
    const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1");
    expect(clientAddress("127.0.0.1", "1.2.3.4, 198.51.100.20, 10.1.2.3", proxies)).toBe("198.51.100.20");
    expect(clientAddress("::1", "198.51.100.20", proxies)).toBe("198.51.100.20");
    // Not a declared proxy: its header means nothing.
    expect(clientAddress("198.51.100.5", "1.2.3.4", proxies)).toBe("198.51.100.5");
    // Everyone in the chain is a proxy: the furthest one is the best we know.
    expect(clientAddress("127.0.0.1", "10.0.0.9", proxies)).toBe("10.0.0.9");
  });

  it("cannot be walked past the declared hop count by a longer forged chain", () => {
    const twoHops = parseTrustedProxies("2");
    // The client sent "6.6.6.6, 7.7.7.7"; the two proxies appended the client and the first proxy.
    expect(clientAddress("10.0.0.3", "6.6.6.6, 7.7.7.7, 198.51.100.20, 10.0.0.2", twoHops)).toBe(
      "198.51.100.20",
    );
    // Fewer entries than hops (a proxy skipped): the furthest address known, never a guess.
    expect(clientAddress("10.0.0.3", "198.51.100.20", parseTrustedProxies("5"))).toBe("198.51.100.20");
    // Several X-Forwarded-For lines are one list, in order.
    expect(clientAddress("10.0.0.3", ["6.6.6.6", "198.51.100.20, 10.0.0.2"], twoHops)).toBe("198.51.100.20");
  });

  it("a forged entry inside a declared CIDR cannot make the walk skip the real client", () => {
    const proxies = parseTrustedProxies("10.0.0.0/8");
    // The client pretends to be a proxy ("10.9.9.9") after its fake origin; the walk stops at
    // the first address not in 10/8 counting from the socket, which the real proxy appended.
    expect(clientAddress("10.0.0.2", "1.2.3.4, 10.9.9.9, 198.51.100.20", proxies)).toBe("198.51.100.20");
  });

  it("handles IPv6 clients, IPv6 proxy ranges and IPv4-mapped addresses", () => {
    const proxies = parseTrustedProxies("fd00::/8, 127.0.0.0/8");
    expect(clientAddress("fd12::1", "2001:db8::7", proxies)).toBe("2001:db8::7");
    expect(clientAddress("::ffff:127.0.0.1", "2001:db8::7, fd00::5", proxies)).toBe("2001:db8::7");
    // A mapped entry in the header is the IPv4 address it maps, and so matches the IPv4 range.
    expect(clientAddress("fd12::1", "198.51.100.20, ::ffff:127.0.0.9", proxies)).toBe("198.51.100.20");
    expect(clientAddress("2001:db8::99", "2001:db8::7", proxies)).toBe("2001:db8::99");
    expect(clientAddress("fd12::1", "[2001:db8::7]:443", proxies)).toBe("fd12::1");
  });

  it("stops at a malformed entry instead of believing what lies left of it", () => {
    const oneHop = parseTrustedProxies("3");
    expect(clientAddress("10.0.0.2", "1.2.3.4, not-an-ip, 198.51.100.20", oneHop)).toBe("198.51.100.20");
  });
});

describe("TRUSTED_PROXIES", () => {
  it.each(["", "0", "2", "127.0.0.1", "10.0.0.0/8, ::1", "fd00::/8"])("accepts %j", (value) => {
    expect(() => parseEnv({ TRUSTED_PROXIES: value })).not.toThrow();
  });

  it.each(["yes", "-1", "21", "10.0.0.0/33", "10.0.0.0/8/1", "127.0.0.1, example.com", "::1/129"])(
    "refuses %j, naming the variable",
    (value) => {
      expect(() => parseEnv({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES/);
    },
  );
});

describe("stampClientAddress (server.mjs) and clientIp (the app)", () => {
  beforeEach(() => declareClientAddressStamping());
  afterEach(() => Reflect.deleteProperty(globalThis, Symbol.for("commonplace.clientAddress.stamping")));

  function request(remoteAddress: string, headers: Record<string, string>) {
    const socket = new Socket();
    Object.defineProperty(socket, "remoteAddress", { value: remoteAddress });
    const req = new IncomingMessage(socket);
    req.headers = { ...headers };
    return req;
  }
  const seenByApp = (req: IncomingMessage) => clientIp(new Headers(req.headers as Record<string, string>));

  it("overwrites a client's own copy of the header with the socket's address", () => {
    const req = request("203.0.113.7", { [CLIENT_IP_HEADER]: "1.1.1.1", "x-forwarded-for": "1.2.3.4" });
    stampClientAddress(req, none);
    expect(seenByApp(req)).toBe("203.0.113.7");
  });

  it("hands the app the address behind a declared proxy", () => {
    const req = request("127.0.0.1", { "x-forwarded-for": "1.2.3.4, 198.51.100.20" });
    stampClientAddress(req, parseTrustedProxies("127.0.0.1"));
    expect(seenByApp(req)).toBe("198.51.100.20");
  });

  it("the app never reads X-Forwarded-For or X-Real-IP itself", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8" }))).toBeNull();
  });

  it("without server.mjs in front (a bare `next start`), a client's copy of the header is not believed", () => {
    Reflect.deleteProperty(globalThis, Symbol.for("commonplace.clientAddress.stamping"));
    expect(clientIp(new Headers({ [CLIENT_IP_HEADER]: "1.1.1.1" }))).toBeNull();
  });

  it("server.mjs declares the stamping before it serves and stamps every request first", async () => {
    const { readFile } = await import("node:fs/promises");
    const server = await readFile(new URL("../../server.mjs", import.meta.url), "utf8");
    const declared = server.indexOf("declareClientAddressStamping();");
    expect(declared).toBeGreaterThan(0);
    expect(declared).toBeLessThan(server.indexOf("server.listen("));
    const handler = server.slice(server.indexOf("createServer((req, res) => {"));
    expect(handler.indexOf("stampClientAddress(req, trust)")).toBeLessThan(
      handler.indexOf("pageCache?.serve"),
    );
  });

  it("believes a request's own headers (X-Request-Id) only from a declared proxy", () => {
    const none = parseTrustedProxies("");
    const one = parseTrustedProxies("1");
    const listed = parseTrustedProxies("10.0.0.0/8,2001:db8::/32");
    expect(fromTrustedProxy("203.0.113.9", none)).toBe(false);
    expect(fromTrustedProxy("203.0.113.9", one)).toBe(true);
    expect(fromTrustedProxy("10.1.2.3", listed)).toBe(true);
    expect(fromTrustedProxy("::ffff:10.1.2.3", listed)).toBe(true);
    expect(fromTrustedProxy("2001:db8::7", listed)).toBe(true);
    expect(fromTrustedProxy("203.0.113.9", listed)).toBe(false);
    expect(fromTrustedProxy(undefined, one)).toBe(false);
  });
});
