import { describe, expect, it } from "vitest";
import { monthName, monthRange } from "./month-range";

describe("monthRange", () => {
  it("starts months at local midnight in the blog's zone", () => {
    const { start, end } = monthRange(2024, 7, "Asia/Kuala_Lumpur");
    expect(start.toISOString()).toBe("2024-06-30T16:00:00.000Z");
    expect(end.toISOString()).toBe("2024-07-31T16:00:00.000Z");
  });

  it("rolls December over into the next year", () => {
    const { end } = monthRange(2024, 12, "UTC");
    expect(end.toISOString()).toBe("2025-01-01T00:00:00.000Z");
  });

  it("handles zones with daylight saving time", () => {
    expect(monthRange(2024, 4, "Europe/London").start.toISOString()).toBe("2024-03-31T23:00:00.000Z");
    expect(monthRange(2024, 3, "America/New_York").end.toISOString()).toBe("2024-04-01T04:00:00.000Z");
    expect(monthRange(2024, 11, "America/New_York").start.toISOString()).toBe("2024-11-01T04:00:00.000Z");
  });

  it("names months", () => {
    expect(monthName(7)).toBe("July");
  });
});
