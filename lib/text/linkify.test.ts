import { describe, expect, it } from "vitest";
import { linkify } from "./linkify";

describe("linkify", () => {
  it("turns a bare URL into a link and keeps the text around it", () => {
    expect(linkify("see https://x.com/a?t=1&s=19 now")).toEqual([
      { kind: "text", text: "see " },
      { kind: "link", text: "https://x.com/a?t=1&s=19", href: "https://x.com/a?t=1&s=19" },
      { kind: "text", text: " now" },
    ]);
  });

  it("leaves sentence punctuation outside the link but keeps balanced parentheses", () => {
    expect(linkify("(https://en.wikipedia.org/wiki/Foo_(bar)).")[1]).toEqual({
      kind: "link",
      text: "https://en.wikipedia.org/wiki/Foo_(bar)",
      href: "https://en.wikipedia.org/wiki/Foo_(bar)",
    });
    expect(linkify("go to https://example.com/path, then")[1].text).toBe("https://example.com/path");
  });

  it("never links javascript:, data: or other schemes", () => {
    for (const text of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:x",
      "file:///etc/passwd",
    ]) {
      expect(linkify(text)).toEqual([{ kind: "text", text }]);
    }
  });

  it("keeps markup as plain text", () => {
    const text = '<img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>';
    expect(linkify(text)).toEqual([{ kind: "text", text }]);
  });

  it("links mailto addresses", () => {
    expect(linkify("mailto:editor@example.com")).toEqual([
      { kind: "link", text: "mailto:editor@example.com", href: "mailto:editor@example.com" },
    ]);
  });

  it.each([
    ["Chinese full stop", "看 https://x.com/a/123。谢谢", "https://x.com/a/123", "。谢谢"],
    ["Chinese comma", "https://x.com/a，好的", "https://x.com/a", "，好的"],
    ["Chinese exclamation", "https://x.com/a！好", "https://x.com/a", "！好"],
    ["Japanese corner bracket", "「https://x.com/a」です", "https://x.com/a", "」です"],
    ["Japanese comma", "見て https://例え.jp/パス、ありがとう", "https://例え.jp/パス", "、ありがとう"],
    ["ideographic space", "https://x.com/a\u3000次", "https://x.com/a", "\u3000次"],
    [
      "Malay full stop",
      "Lihat https://www.thestar.com.my/news/2024/06/19/x. Terima kasih",
      "https://www.thestar.com.my/news/2024/06/19/x",
      ". Terima kasih",
    ],
    ["trailing ellipsis", "https://example.com/a?c=d#e... yes", "https://example.com/a?c=d#e", "... yes"],
  ])("ends the link at %s", (_name, text, link, after) => {
    const segments = linkify(text);
    const index = segments.findIndex((segment) => segment.kind === "link");
    expect(segments[index].text).toBe(link);
    expect(segments[index + 1]).toEqual({ kind: "text", text: after });
    expect(segments.map((segment) => segment.text).join("")).toBe(text);
  });

  it("keeps non-Latin paths and hosts, with a percent-encoded href", () => {
    expect(linkify("https://x.com/wiki/東京")).toEqual([
      {
        kind: "link",
        text: "https://x.com/wiki/東京",
        href: "https://x.com/wiki/%E6%9D%B1%E4%BA%AC",
      },
    ]);
    expect(linkify("https://例え.jp/")[0]).toMatchObject({ kind: "link", href: "https://xn--r8jz45g.jp/" });
  });

  it("does not guess links without a scheme, nor ftp: or scheme-relative ones", () => {
    for (const text of ["example.com", "editor@example.com", "ftp://x.com/a", "//x.com/a"]) {
      expect(linkify(text)).toEqual([{ kind: "text", text }]);
    }
  });

  it("handles text without links and empty text", () => {
    expect(linkify("声东击西!")).toEqual([{ kind: "text", text: "声东击西!" }]);
    expect(linkify("")).toEqual([]);
  });
});
