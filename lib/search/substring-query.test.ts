import { describe, expect, it } from "vitest";
import { searchTerms } from "./fts-query";
import { MATCH_CLOSE, MATCH_OPEN, markTerms } from "./highlight";
import { needsSubstringSearch, toSubstringQuery } from "./substring-query";

describe("needsSubstringSearch", () => {
  it("is for scripts written without spaces between words", () => {
    for (const query of ["声东击西", "東京タワー", "ひらがな", "ภาษาไทย", "Pyongyang 朝鲜"])
      expect(needsSubstringSearch(searchTerms(query)), query).toBe(true);
    for (const query of ["Pyongyang", "Café déjà", "Привет", "नमस्ते", "안녕하세요", "12345"])
      expect(needsSubstringSearch(searchTerms(query)), query).toBe(false);
  });
});

describe("toSubstringQuery", () => {
  it("quotes terms of three or more characters and keeps shorter ones for LIKE", () => {
    expect(toSubstringQuery(searchTerms("声东击西 东击 朝 Pyongyang ok"))).toEqual({
      match: '"声东击西" "pyongyang"',
      short: ["东击", "朝", "ok"],
    });
    expect(toSubstringQuery(searchTerms("东击"))).toEqual({ match: null, short: ["东击"] });
  });

  it("counts characters, not UTF-16 units", () => {
    expect(toSubstringQuery(["𠀀𠀁"])).toEqual({ match: null, short: ["𠀀𠀁"] });
  });
});

describe("markTerms", () => {
  const m = (text: string) => `${MATCH_OPEN}${text}${MATCH_CLOSE}`;

  it("marks every occurrence, in any case, outside existing marks", () => {
    expect(markTerms("东击 and 东击西", ["东击"])).toBe(`${m("东击")} and ${m("东击")}西`);
    expect(markTerms("OK ok", ["ok"])).toBe(`${m("OK")} ${m("ok")}`);
    expect(markTerms(`${m("声东击西")} 东击`, ["东击"])).toBe(`${m("声东击西")} ${m("东击")}`);
  });

  it("leaves text alone without terms", () => {
    expect(markTerms("abc", [])).toBe("abc");
  });
});
