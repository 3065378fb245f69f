import { describe, expect, it } from "vitest";
import { slugify } from "./slugify";

describe("slugify", () => {
  it("makes URL-safe slugs", () => {
    expect(slugify("N. Korea, Russia sign mutual defence deal")).toBe(
      "n-korea-russia-sign-mutual-defence-deal",
    );
    expect(slugify("  Café — déjà vu!  ")).toBe("cafe-deja-vu");
    expect(slugify("声东击西")).toBe("声东击西");
  });

  it("caps the length without a trailing dash", () => {
    expect(slugify("a-".repeat(100), 9)).toBe("a-a-a-a-a");
  });
});
