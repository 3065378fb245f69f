import { describe, expect, it } from "vitest";
import { markedExcerpt } from "./excerpt";
import { MATCH_CLOSE, MATCH_OPEN } from "./highlight";

const m = (text: string) => `${MATCH_OPEN}${text}${MATCH_CLOSE}`;

describe("markedExcerpt", () => {
  it("starts half a window before the first match, with an ellipsis on each cut side", () => {
    const text = `${"前文。".repeat(30)}大阪に行った。${"後文。".repeat(30)}`;
    const excerpt = markedExcerpt(text, ["大阪"], 10);
    expect(excerpt).toBe(`…文。前文。${m("大阪")}に行っ…`);
  });

  it("keeps whole ends without an ellipsis", () => {
    expect(markedExcerpt("短い大阪の話", ["大阪"], 64)).toBe(`短い${m("大阪")}の話`);
    expect(markedExcerpt(`${"x".repeat(40)} end`, ["end"], 10)).toBe(`…xxxx ${m("end")}`);
  });

  it("finds the earliest of several terms, in any case", () => {
    expect(markedExcerpt("aaa Foo bbb bar ccc", ["bar", "foo"], 8)).toBe(`aaa ${m("Foo")} …`);
    expect(markedExcerpt("xxxx aaa Foo bbb bar", ["bar", "foo"], 8)).toBe(`…aaa ${m("Foo")} …`);
  });

  it("starts at the beginning when no term is in the text (it matched another field)", () => {
    expect(markedExcerpt("abcdefghij", ["zz"], 4)).toBe("abcd…");
    expect(markedExcerpt("abcdefghij", [], 4)).toBe("abcd…");
  });

  it("counts characters, never splitting a surrogate pair", () => {
    const text = `${"𠀀".repeat(20)}東京${"𠀀".repeat(20)}`;
    const excerpt = markedExcerpt(text, ["東京"], 6);
    expect(excerpt).toBe(`…𠀀𠀀𠀀${m("東京")}𠀀…`);
    expect(excerpt).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
