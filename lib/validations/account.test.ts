import { describe, expect, it } from "vitest";
import { normalizeEmail, SignUpSchema } from "./account";

const valid = { name: "Ada Lovelace", email: "Ada@Example.COM ", password: "analytical engine notes" };

describe("SignUpSchema", () => {
  it("normalises email case and spaces, and the name's spacing", () => {
    const parsed = SignUpSchema.parse({ ...valid, name: "  Ada   Lovelace " });
    expect(parsed.email).toBe("ada@example.com");
    expect(parsed.name).toBe("Ada Lovelace");
    expect(normalizeEmail(" ＡＤＡ@example.com")).toBe("ada@example.com");
  });

  it.each([
    ["short password", { password: "fourteen chars" }, "at least 15 characters"],
    ["repetitive password", { password: "aaaaaaaaaaaaaaaaaaaa" }, "too common"],
    [
      "password equal to email",
      { email: "longname@example.com", password: "longname@example.com" },
      "must not be your email",
    ],
    ["bad email", { email: "not-an-email" }, "valid email"],
    ["empty name", { name: "   " }, "Enter your name"],
    ["bidi override in name", { name: "Ada\u202Eevil" }, "invisible or direction-changing"],
    ["zero-width in name", { name: "Ad\u200Ba" }, "invisible or direction-changing"],
    ["overlong name", { name: "n".repeat(51) }, "at most 50"],
  ])("refuses a %s", (_label, change, message) => {
    const result = SignUpSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(" ")).toContain(message);
  });

  it("allows long passphrases, spaces, Unicode and no composition rules", () => {
    expect(
      SignUpSchema.safeParse({ ...valid, password: "correct horse battery staple ".repeat(8) }).success,
    ).toBe(true);
    expect(SignUpSchema.safeParse({ ...valid, password: "我的密码是很长的一句话而且没有数字" }).success).toBe(
      true,
    );
    expect(SignUpSchema.safeParse({ ...valid, name: "声东击西" }).success).toBe(true);
  });
});
