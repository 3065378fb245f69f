import { describe, expect, it } from "vitest";
import { toFtsQuery } from "./fts-query";
import { cleanSnippet, plainSnippet, restorePunctuation, splitHighlights } from "./highlight";

describe("toFtsQuery", () => {
  it("quotes each word and drops FTS5 syntax", () => {
    expect(toFtsQuery('Putin "Kim" NEAR(x) war* -y')).toBe('"putin" "kim" "near" "x" "war" "y"');
    expect(toFtsQuery("朝鲜 Pyongyang")).toBe('"朝鲜" "pyongyang"');
  });

  it("returns null when nothing searchable is left", () => {
    expect(toFtsQuery("")).toBeNull();
    expect(toFtsQuery(' "*()-^: ')).toBeNull();
  });

  it("bounds the number and length of terms", () => {
    expect(toFtsQuery("a b c d e f g h i j k")!.split(" ")).toHaveLength(8);
    expect(toFtsQuery("x".repeat(1000))).toBe(`"${"x".repeat(64)}"`);
    expect(toFtsQuery("same Same SAME")).toBe('"same"');
  });
});

describe("splitHighlights", () => {
  it("splits marked text into plain and matched segments", () => {
    expect(splitHighlights("a \uE000b\uE001 c")).toEqual([
      { text: "a ", match: false },
      { text: "b", match: true },
      { text: " c", match: false },
    ]);
  });

  it("survives unbalanced markers", () => {
    expect(splitHighlights("\uE001x\uE000y")).toEqual([
      { text: "x", match: false },
      { text: "y", match: true },
    ]);
  });

  it("drops Markdown noise from snippets", () => {
    expect(cleanSnippet("**Bold** [link](https://e.com/x) # head")).toBe("Bold link head");
  });

  it("puts back the characters PostgreSQL read as spaces, keeping the marks", () => {
    expect(restorePunctuation("see e com  \uE000x\uE001  \uE000𠀀\uE001", "see e.com/<x>/𠀀")).toBe(
      "see e.com/<\uE000x\uE001>/\uE000𠀀\uE001",
    );
    // Text that does not line up is left as PostgreSQL gave it.
    expect(restorePunctuation("a \uE000b\uE001", "a.b.c")).toBe("a \uE000b\uE001");
  });

  it("keeps the punctuation of plain-text comments, on one line", () => {
    expect(plainSnippet(" snake_case in C#,\n\n**as typed** ")).toBe("snake_case in C#, **as typed**");
  });
});
