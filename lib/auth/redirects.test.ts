import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPath } from "./redirects";

describe("safeReturnPath", () => {
  it("keeps same-origin paths with query and fragment", () => {
    expect(safeReturnPath("/2024/06/post?replyTo=3#c3")).toBe("/2024/06/post?replyTo=3#c3");
    expect(safeReturnPath("/")).toBe("/");
  });

  it.each([
    "//evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "%2F%5Cevil.example",
    "/\tevil",
    "data:text/html,x",
    "",
    "evil",
  ])("refuses %s", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it("refuses non-strings and overlong values", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(["/a"])).toBe("/");
    expect(safeReturnPath(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it("builds a sign-in link that returns to the page", () => {
    expect(signInPath("/2024/06/p#c1")).toBe("/signin?callbackUrl=%2F2024%2F06%2Fp%23c1");
  });
});
