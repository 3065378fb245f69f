import { describe, expect, it } from "vitest";
import { monthName } from "./dates";

describe("monthName", () => {
  it("names months in English, like Blogger's archive widget", () => {
    expect(monthName(7)).toBe("July");
    expect(monthName(12)).toBe("December");
  });
});
