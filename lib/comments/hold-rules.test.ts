import { describe, expect, it } from "vitest";
import { countLinks, holdReasons, type AuthorStanding, type FormSignals, type HoldRules } from "./hold-rules";
import { findBlockedWord, matchNormal, parseWordList } from "@/lib/text/match-normal";

const rules: HoldRules = {
  holdAboveLinks: 2,
  blockedWords: [],
  holdNewAccountHours: 0,
  holdUntilApproved: 0,
  holdAll: false,
  honeypot: true,
  minSubmitSeconds: 0,
};
const now = new Date("2026-01-02T00:00:00Z");
const commenter: AuthorStanding = {
  role: "commenter",
  createdAt: new Date("2025-01-01T00:00:00Z"),
  trustedAt: null,
  approvedComments: null,
};
const quiet: FormSignals = { honeypotFilled: false, elapsedMs: null };
const reasons = (body: string, overrides: Partial<HoldRules> = {}, author = commenter, signals = quiet) =>
  holdReasons({ body, author, signals, rules: { ...rules, ...overrides }, now });

describe("hold rules", () => {
  it("counts links as the comment renders them: with a scheme only", () => {
    expect(countLinks("see https://a.example and http://b.example/x and mailto:c@d.example")).toBe(3);
    expect(countLinks("a.example b.example c.example www.d.example")).toBe(0);
  });

  it("holds more links than the limit, not as many", () => {
    expect(reasons("https://a.example https://b.example")).toEqual([]);
    expect(reasons("https://a.example https://b.example https://c.example")).toEqual(["links"]);
    expect(reasons("https://a.example", { holdAboveLinks: 0 })).toEqual(["links"]);
  });

  it("matches blocked words through case, full-width and look-alike letters, as whole words", () => {
    const words = ["viagra", "cheap pills"];
    expect(findBlockedWord("Buy VIAGRA now", words)).toBe("viagra");
    expect(findBlockedWord("Buy ＶＩＡＧＲＡ now", words)).toBe("viagra");
    expect(findBlockedWord("Buy v\u0456\u0430gr\u0430 now", words)).toBe("viagra"); // Cyrillic і, а
    expect(findBlockedWord("CHEAP   pills".replace(/ +/, " "), words)).toBe("cheap pills");
    expect(findBlockedWord("viagrafalls and cheapskate pills", words)).toBeNull();
    expect(reasons("so, v\u0456agra?", { blockedWords: words })).toEqual(["blocked-word"]);
    expect(matchNormal("ＡＢＣ")).toBe("abc");
  });

  it("reads a typed word list once per word", () => {
    expect(parseWordList(" spam \n\nSPAM, eggs ,  ham  and   jam ")).toEqual(["spam", "eggs", "ham and jam"]);
  });

  it("holds new accounts and accounts with too few approved comments until trusted", () => {
    const young = { ...commenter, createdAt: new Date(now.getTime() - 3_600_000) };
    expect(reasons("hi", { holdNewAccountHours: 24 }, young)).toEqual(["new-account"]);
    expect(reasons("hi", { holdNewAccountHours: 1 }, young)).toEqual([]);
    const few = { ...commenter, approvedComments: 1 };
    expect(reasons("hi", { holdUntilApproved: 2 }, few)).toEqual(["few-approved"]);
    // Reaching the count is trust: the account rules stop holding.
    const enough = { ...young, approvedComments: 2 };
    expect(reasons("hi", { holdUntilApproved: 2, holdNewAccountHours: 24, holdAll: true }, enough)).toEqual(
      [],
    );
  });

  it("pre-moderation holds everyone but trusted accounts and staff", () => {
    expect(reasons("hi", { holdAll: true })).toEqual(["pre-moderation"]);
    expect(reasons("hi", { holdAll: true }, { ...commenter, trustedAt: now })).toEqual([]);
    // Trust does not lift the rules about the text.
    expect(
      reasons(
        "https://a.example https://b.example https://c.example",
        { holdAll: true },
        { ...commenter, trustedAt: now },
      ),
    ).toEqual(["links"]);
  });

  it("never holds moderators or admins", () => {
    const spam = "viagra https://a.example https://b.example https://c.example";
    for (const role of ["moderator", "admin"])
      expect(
        reasons(
          spam,
          { blockedWords: ["viagra"], holdAll: true },
          { ...commenter, role },
          {
            honeypotFilled: true,
            elapsedMs: 0,
          },
        ),
      ).toEqual([]);
  });

  it("holds a filled honeypot and a form sent too quickly, when switched on", () => {
    expect(reasons("hi", {}, commenter, { honeypotFilled: true, elapsedMs: null })).toEqual(["honeypot"]);
    expect(reasons("hi", { honeypot: false }, commenter, { honeypotFilled: true, elapsedMs: null })).toEqual(
      [],
    );
    expect(
      reasons("hi", { minSubmitSeconds: 3 }, commenter, { honeypotFilled: false, elapsedMs: 1200 }),
    ).toEqual(["too-quick"]);
    expect(
      reasons("hi", { minSubmitSeconds: 3 }, commenter, { honeypotFilled: false, elapsedMs: 3000 }),
    ).toEqual([]);
    // No time sent (an old form): nothing to judge by.
    expect(reasons("hi", { minSubmitSeconds: 3 })).toEqual([]);
  });
});
