import { describe, expect, it } from "vitest";
import {
  parseLabelSlug,
  parsePageParam,
  parseSearchQuery,
  parseSlugParam,
  parseYearMonth,
  safeDecode,
} from "./listing";

describe("parsePageParam", () => {
  it("accepts positive integers and defaults to 1", () => {
    expect(parsePageParam(undefined)).toBe(1);
    expect(parsePageParam("1")).toBe(1);
    expect(parsePageParam("42")).toBe(42);
  });

  it.each(["0", "-1", "01", "1.5", "abc", "", " 2", "1e3", "9999999"])("rejects %j", (value) => {
    expect(parsePageParam(value)).toBeNull();
  });

  it("rejects repeated parameters", () => {
    expect(parsePageParam(["1", "2"])).toBeNull();
  });
});

describe("parseYearMonth", () => {
  it("accepts /YYYY/MM", () => {
    expect(parseYearMonth({ year: "2024", month: "07" })).toEqual({ year: 2024, month: 7 });
  });

  it.each([
    ["2024", "7"],
    ["2024", "13"],
    ["2024", "00"],
    ["24", "07"],
    ["0999", "01"],
    ["2024", "aa"],
  ])("rejects %s/%s", (year, month) => {
    expect(parseYearMonth({ year, month })).toBeNull();
  });
});

describe("other parameters", () => {
  it("parses label slugs, including non-Latin ones", () => {
    expect(parseLabelSlug("asia")).toBe("asia");
    expect(parseLabelSlug(encodeURIComponent("朝鲜-news"))).toBe("朝鲜-news");
    for (const bad of ["", "-x", "a--b", "a b", "%E0%A4%A", "../x"])
      expect(parseLabelSlug(bad), bad).toBeNull();
  });

  it("accepts label slugs with combining marks and composes decomposed ones", () => {
    expect(parseLabelSlug(encodeURIComponent("नमस्ते-दुनिया"))).toBe("नमस्ते-दुनिया");
    expect(parseLabelSlug(encodeURIComponent("안녕".normalize("NFD")))).toBe("안녕");
  });

  it("decodes slugs from the URL to the composed form they are stored in", () => {
    expect(parseSlugParam(encodeURIComponent("안녕하세요-세계".normalize("NFD")))).toBe("안녕하세요-세계");
    expect(parseSlugParam("cafe%CC%81")).toBe("caf\u00e9");
    expect(parseSlugParam("%E0%A4%A")).toBeNull();
  });

  it("refuses U+0000 in a slug, which no stored slug holds (and PostgreSQL refuses)", () => {
    expect(parseSlugParam("a%00b")).toBeNull();
    expect(parseLabelSlug("a%00b")).toBeNull();
  });

  it("decodes safely", () => {
    expect(safeDecode("%E0%A4%A")).toBeNull();
    expect(safeDecode("a%20b")).toBe("a b");
  });

  it("takes the first search query, trimmed and bounded", () => {
    expect(parseSearchQuery(["  a  ", "b"])).toBe("a");
    expect(parseSearchQuery(undefined)).toBe("");
    expect(parseSearchQuery("x".repeat(500))).toHaveLength(200);
    expect(parseSearchQuery(" \u0000news\u0000 ")).toBe("news");
  });
});
