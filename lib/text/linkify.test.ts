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

  it("handles text without links and empty text", () => {
    expect(linkify("声东击西!")).toEqual([{ kind: "text", text: "声东击西!" }]);
    expect(linkify("")).toEqual([]);
  });
});
