import { describe, expect, it } from "vitest";
import {
  AVATAR_COLOURS,
  AVATAR_TEXT_COLOUR,
  avatarColour,
  contrastRatio,
  initialsOf,
  NEUTRAL_AVATAR_COLOUR,
} from "./avatar";

describe("avatars", () => {
  it("gives white initials at least 4.5:1 on every colour (WCAG AA), the neutral one too", () => {
    for (const colour of [...AVATAR_COLOURS, NEUTRAL_AVATAR_COLOUR])
      expect(contrastRatio(colour, AVATAR_TEXT_COLOUR), colour).toBeGreaterThanOrEqual(4.5);
    // The formula itself: black on white is 21:1, a colour on itself 1:1.
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("derives the colour from the id alone: the same for the same account, spread over the palette", () => {
    expect(avatarColour("cmabc123def456ghi789")).toBe(avatarColour("cmabc123def456ghi789"));
    const used = new Set(Array.from({ length: 200 }, (_, i) => avatarColour(`user${i}xyz`)));
    expect(used.size).toBeGreaterThan(AVATAR_COLOURS.length / 2);
  });

  it.each([
    ["Ada Lovelace", "AL"],
    ["  ada   byron lovelace ", "AL"],
    ["Ada", "A"],
    ["声东击西", "声"],
    ["élodie durand", "ÉD"],
    ["👩🏽‍💻 coder", "👩🏽‍💻C"],
    ["", "?"],
  ])("initials of %j are %j", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
