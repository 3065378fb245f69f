import { describe, expect, it } from "vitest";
import { teaserFor } from "./teaser";

describe("teaserFor", () => {
  it("prefers the standfirst", () => {
    expect(teaserFor(" Lead. ", "Body")).toBe("Lead.");
  });

  it("takes the first text paragraph without Markdown", () => {
    expect(teaserFor(null, "# Title\n\n**SEOUL:** Putin met [Kim](https://x.test).\n\nMore.")).toBe(
      "SEOUL: Putin met Kim.",
    );
  });

  it("keeps characters that are Markdown only in some places", () => {
    expect(teaserFor(null, "Rename `snake_case` and snake_case names; C# and F# too.")).toBe(
      "Rename snake_case and snake_case names; C# and F# too.",
    );
    expect(teaserFor(null, "a_b_c stays, 5 * 3 = 15 and C++ > C # yes")).toBe(
      "a_b_c stays, 5 * 3 = 15 and C++ > C # yes",
    );
  });

  it("takes the text of links, emphasis and quotes, and skips images, code and raw HTML", () => {
    expect(
      teaserFor(
        null,
        "![A photo](/uploads/x.png)\n\n```\ncode\n```\n\n> Quoted _words_ [here][ref].\n\n[ref]: https://x.test",
      ),
    ).toBe("Quoted words here.");
    expect(teaserFor(null, "Kim <b>met</b> Putin  \nin Pyongyang.")).toBe("Kim met Putin in Pyongyang.");
    expect(teaserFor(null, "| a | b |\n| - | - |\n| 1 | 2 |\n\n---\n\n声东击西，朝鲜。")).toBe(
      "声东击西，朝鲜。",
    );
  });

  it("reads only the head of a long body, yet finds a late first paragraph and far-off link targets", () => {
    const filler = "Filler paragraph with **some** text.\n\n".repeat(5000);
    expect(teaserFor(null, `First [words][w].\n\n${filler}[w]: https://x.test`)).toBe("First words.");
    const code = "```\n" + "code line\n\n".repeat(200) + "```";
    expect(teaserFor(null, `${code}\n\nAfter the code.\n\n${filler}`)).toBe("After the code.");
  });

  it("answers empty text for a body without paragraphs", () => {
    expect(teaserFor(null, "# Only a heading\n\n![img](/x.png)")).toBe("");
  });

  it("cuts long paragraphs at a word", () => {
    const teaser = teaserFor(null, "word ".repeat(100), 50);
    expect(teaser.length).toBeLessThanOrEqual(51);
    expect(teaser.endsWith("word…")).toBe(true);
  });
});
