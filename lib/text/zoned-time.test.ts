import { describe, expect, it } from "vitest";
import { formatZonedDateTime, parseZonedDateTime } from "./zoned-time";

describe("datetime-local values in the blog's zone", () => {
  it("reads wall-clock time in the configured zone (Kuala Lumpur, UTC+8)", () => {
    expect(parseZonedDateTime("2024-06-19T13:58")?.toISOString()).toBe("2024-06-19T05:58:00.000Z");
    expect(formatZonedDateTime(new Date("2024-06-19T05:58:00Z"))).toBe("2024-06-19T13:58");
  });

  it("handles zones with daylight saving on both sides of the change", () => {
    expect(parseZonedDateTime("2026-03-29T00:30", "Europe/London")?.toISOString()).toBe(
      "2026-03-29T00:30:00.000Z",
    );
    expect(parseZonedDateTime("2026-03-29T03:30", "Europe/London")?.toISOString()).toBe(
      "2026-03-29T02:30:00.000Z",
    );
    expect(parseZonedDateTime("2026-07-01T12:00", "America/New_York")?.toISOString()).toBe(
      "2026-07-01T16:00:00.000Z",
    );
    expect(formatZonedDateTime(new Date("2026-07-01T16:00:00Z"), "America/New_York")).toBe(
      "2026-07-01T12:00",
    );
  });

  it("refuses malformed and impossible dates", () => {
    for (const value of ["", "2024-02-30T10:00", "2024-06-19 13:58", "2024-06-19T24:00", "tomorrow"]) {
      expect(parseZonedDateTime(value), value).toBeNull();
    }
  });
});
