import { describe, expect, it } from "vitest";
import { maskAddress } from "@/lib/mail/mask";

describe("maskAddress", () => {
  it.each([
    ["jane.doe@example.com", "j•••@example.com"],
    ["j@example.com", "j•••@example.com"],
    ['"a@b"@example.com', '"•••@example.com'],
    ["émile@exemple.fr", "é•••@exemple.fr"],
    ["😀x@example.com", "😀•••@example.com"],
    ["no-at-sign", "•••"],
    ["@example.com", "•••"],
  ])("%s → %s", (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });
});
