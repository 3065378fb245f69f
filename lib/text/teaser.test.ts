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

  it("cuts long paragraphs at a word", () => {
    const teaser = teaserFor(null, "word ".repeat(100), 50);
    expect(teaser.length).toBeLessThanOrEqual(51);
    expect(teaser.endsWith("word…")).toBe(true);
  });
});
