import { describe, expect, it } from "vitest";
import { refusedAddressReason } from "./addresses";
import { checkTarget, type ResolvedAddress } from "./target";

const refused: [string, RegExp][] = [
  ["127.0.0.1", /loopback/],
  ["127.255.255.254", /loopback/],
  ["0.0.0.0", /unspecified/],
  ["0.1.2.3", /this-network/],
  ["10.0.0.1", /private/],
  ["172.16.0.1", /private/],
  ["172.31.255.255", /private/],
  ["192.168.1.1", /private/],
  ["169.254.169.254", /link-local/],
  ["100.64.0.1", /CGNAT/],
  ["100.127.255.255", /CGNAT/],
  ["224.0.0.1", /multicast/],
  ["239.255.255.250", /multicast/],
  ["255.255.255.255", /reserved/],
  ["198.18.0.1", /benchmarking/],
  ["192.0.2.10", /documentation/],
  ["::", /unspecified/],
  ["::1", /loopback/],
  ["[::1]", /loopback/],
  ["0:0:0:0:0:0:0:1", /loopback/],
  ["::ffff:127.0.0.1", /IPv4-mapped/],
  ["::ffff:8.8.8.8", /IPv4-mapped/],
  ["::ffff:7f00:1", /IPv4-mapped/],
  ["::127.0.0.1", /IPv4-compatible/],
  ["fc00::1", /unique local/],
  ["fd12:3456:789a::1", /unique local/],
  ["fe80::1", /link-local/],
  ["fe80::1%eth0", /link-local/],
  ["febf::1", /link-local/],
  ["ff02::1", /multicast/],
  ["2001:db8::1", /documentation/],
  ["64:ff9b::7f00:1", /NAT64 to loopback/],
  ["64:ff9b::10.1.2.3", /NAT64 to a private network/],
  ["2002:c0a8:0101::1", /6to4 of a private network/],
  ["2001:0:4136:e378::1", /Teredo/],
  ["4000::1", /global unicast/],
  ["localhost", /not an IP address/],
  ["", /not an IP address/],
];

const allowed = [
  "8.8.8.8",
  "1.1.1.1",
  "93.184.215.14",
  "100.63.255.255",
  "100.128.0.0",
  "172.15.255.255",
  "172.32.0.0",
  "169.253.0.1",
  "223.255.255.255",
  "2606:4700:4700::1111",
  "2a00:1450:4001:82a::200e",
  "64:ff9b::808:808",
  "2002:0808:0808::1",
];

describe("webhook target addresses", () => {
  it.each(refused)("refuses %s", (address, reason) => {
    expect(refusedAddressReason(address)).toMatch(reason);
  });

  it.each(allowed)("allows %s", (address) => {
    expect(refusedAddressReason(address)).toBeNull();
  });
});

const answers =
  (...addresses: string[]) =>
  async (): Promise<ResolvedAddress[]> =>
    addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));

describe("webhook target URLs", () => {
  const policy = { allowPrivate: false, resolve: answers("93.184.215.14") };

  it("takes an https URL whose name resolves to public addresses, and keeps the first to connect to", async () => {
    const target = await checkTarget("https://hooks.example.com/in?x=1", {
      allowPrivate: false,
      resolve: answers("93.184.215.14", "2606:4700:4700::1111"),
    });
    expect(target).toMatchObject({ ok: true, address: { address: "93.184.215.14", family: 4 } });
  });

  it("refuses a name when any one of its addresses is private", async () => {
    const target = await checkTarget("https://hooks.example.com/", {
      allowPrivate: false,
      resolve: answers("93.184.215.14", "10.0.0.5"),
    });
    expect(target).toEqual({ ok: false, reason: "points at 10.0.0.5: a private network (10.0.0.0/8)" });
    expect(
      await checkTarget("https://hooks.example.com/", { allowPrivate: false, resolve: answers("::1") }),
    ).toMatchObject({ ok: false, reason: /loopback/ });
  });

  it.each([
    ["http://hooks.example.com/", /https:\/\//],
    ["ftp://hooks.example.com/", /https:\/\//],
    ["https://user:pw@hooks.example.com/", /user name or password/],
    ["not a url", /not a valid URL/],
    ["https://127.0.0.1/", /loopback/],
    ["https://2130706433/", /loopback/],
    ["https://0x7f.1/", /loopback/],
    ["https://[::ffff:127.0.0.1]/", /IPv4-mapped/],
    ["https://[::1]:8443/", /loopback/],
    ["https://169.254.169.254/latest/meta-data", /link-local/],
    ["https://0.0.0.0/", /unspecified/],
  ])("refuses %s", async (url, reason) => {
    expect(await checkTarget(url, policy)).toMatchObject({ ok: false, reason });
  });

  it("says when a name does not resolve", async () => {
    const resolve = async () => {
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    expect(await checkTarget("https://nowhere.invalid/", { allowPrivate: false, resolve })).toEqual({
      ok: false,
      reason: "could not be resolved (ENOTFOUND)",
    });
  });

  it("allows loopback and plain http only when the operator allows private targets", async () => {
    expect(await checkTarget("http://127.0.0.1:9/", { allowPrivate: true })).toMatchObject({
      ok: true,
      address: { address: "127.0.0.1", family: 4 },
    });
    expect(await checkTarget("http://localhost:9/", { allowPrivate: false })).toMatchObject({ ok: false });
  });
});
