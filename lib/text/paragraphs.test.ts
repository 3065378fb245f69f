import { describe, expect, it } from "vitest";
import { toParagraphs } from "./paragraphs";

describe("toParagraphs", () => {
  it("splits on blank lines and keeps single line breaks", () => {
    expect(toParagraphs("a\nb\n\nc\r\n\r\n\r\nd")).toEqual([["a", "b"], ["c"], ["d"]]);
  });

  it("drops empty paragraphs", () => {
    expect(toParagraphs("\n\n  \n\nx\n\n")).toEqual([["x"]]);
    expect(toParagraphs("")).toEqual([]);
  });
});
