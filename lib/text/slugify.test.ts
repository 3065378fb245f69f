import { describe, expect, it } from "vitest";
import { slugify } from "./slugify";

describe("slugify", () => {
  it("makes URL-safe slugs", () => {
    expect(slugify("N. Korea, Russia sign mutual defence deal")).toBe(
      "n-korea-russia-sign-mutual-defence-deal",
    );
    expect(slugify("  Café — déjà vu!  ")).toBe("cafe-deja-vu");
    expect(slugify("Tiếng Việt")).toBe("tieng-viet");
    expect(slugify("İstanbul")).toBe("istanbul");
    expect(slugify("声东击西")).toBe("声东击西");
  });

  it("keeps the combining marks other scripts are written with", () => {
    expect(slugify("नमस्ते दुनिया")).toBe("नमस्ते-दुनिया");
    expect(slugify("தமிழ்")).toBe("தமிழ்");
    expect(slugify("ภาษาไทย")).toBe("ภาษาไทย");
    expect(slugify("Мой блог")).toBe("мой-блог");
  });

  it("answers composed (NFC) text, so a slug matches the URL people type", () => {
    const slug = slugify("안녕하세요 세계");
    expect(slug).toBe("안녕하세요-세계");
    expect(slug).toBe(slug.normalize("NFC"));
    expect(slugify("안녕하세요".normalize("NFD"))).toBe("안녕하세요");
  });

  it("caps the length without a trailing dash", () => {
    expect(slugify("a-".repeat(100), 9)).toBe("a-a-a-a-a");
  });

  it("never cuts a character in half when capping", () => {
    expect(slugify("𠀀".repeat(10), 5)).toBe("𠀀𠀀");
    expect(slugify("नमस्ते", 4)).toBe("नम");
  });
});
