import { describe, expect, it } from "vitest";
import { formatZonedDateTime, monthRange, parseZonedDateTime } from "./time-zone";

const iso = (date: Date | null) => date?.toISOString();

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
    // Months whose spring-forward day is the 31st and the 1st (London, New York 2024).
    expect(monthRange(2024, 3, "Europe/London").end.toISOString()).toBe("2024-03-31T23:00:00.000Z");
    expect(monthRange(2024, 10, "Europe/London").end.toISOString()).toBe("2024-11-01T00:00:00.000Z");
  });

  it("starts a month whose midnight is skipped when the clock resumes, not an hour early", () => {
    // Asunción sprang forward at 00:00 on Sunday 2023-10-01: the day began at 01:00 (-03).
    expect(monthRange(2023, 10, "America/Asuncion").start.toISOString()).toBe("2023-10-01T04:00:00.000Z");
    expect(monthRange(2023, 9, "America/Asuncion").end.toISOString()).toBe("2023-10-01T04:00:00.000Z");
    // Havana likewise on 2012-04-01.
    expect(monthRange(2012, 4, "America/Havana").start.toISOString()).toBe("2012-04-01T05:00:00.000Z");
  });

  it("refuses a month that does not exist", () => {
    expect(() => monthRange(2024, 13, "UTC")).toThrow(RangeError);
  });
});

describe("datetime-local values in the blog's zone", () => {
  it("reads wall-clock time in the configured zone (Kuala Lumpur, UTC+8)", () => {
    expect(iso(parseZonedDateTime("2024-06-19T13:58"))).toBe("2024-06-19T05:58:00.000Z");
    expect(iso(parseZonedDateTime("2024-06-19T13:58:30"))).toBe("2024-06-19T05:58:30.000Z");
    expect(formatZonedDateTime(new Date("2024-06-19T05:58:00Z"))).toBe("2024-06-19T13:58");
  });

  it("handles zones with daylight saving on both sides of the change", () => {
    expect(iso(parseZonedDateTime("2026-03-29T00:30", "Europe/London"))).toBe("2026-03-29T00:30:00.000Z");
    expect(iso(parseZonedDateTime("2026-03-29T03:30", "Europe/London"))).toBe("2026-03-29T02:30:00.000Z");
    expect(iso(parseZonedDateTime("2026-07-01T12:00", "America/New_York"))).toBe("2026-07-01T16:00:00.000Z");
    expect(formatZonedDateTime(new Date("2026-07-01T16:00:00Z"), "America/New_York")).toBe(
      "2026-07-01T12:00",
    );
  });

  it("moves a time in the spring-forward gap forward by the gap, in every zone alike", () => {
    // 02:30 never happened in New York on 2026-03-08 nor 01:30 in London on 2026-03-29.
    expect(iso(parseZonedDateTime("2026-03-08T02:30", "America/New_York"))).toBe("2026-03-08T07:30:00.000Z");
    expect(iso(parseZonedDateTime("2026-03-29T01:30", "Europe/London"))).toBe("2026-03-29T01:30:00.000Z");
    expect(formatZonedDateTime(new Date("2026-03-08T07:30:00Z"), "America/New_York")).toBe(
      "2026-03-08T03:30",
    );
  });

  it("reads a time that occurs twice at fall-back as the first of the two", () => {
    expect(iso(parseZonedDateTime("2026-10-25T01:30", "Europe/London"))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(parseZonedDateTime("2026-11-01T01:30", "America/New_York"))).toBe("2026-11-01T05:30:00.000Z");
    // Both instants print back as the wall time the author typed.
    expect(formatZonedDateTime(new Date("2026-10-25T00:30:00Z"), "Europe/London")).toBe("2026-10-25T01:30");
    expect(formatZonedDateTime(new Date("2026-10-25T01:30:00Z"), "Europe/London")).toBe("2026-10-25T01:30");
  });

  it("refuses malformed and impossible dates", () => {
    for (const value of [
      "",
      "2024-02-30T10:00",
      "2024-06-19 13:58",
      "2024-06-19T24:00",
      "2024-06-19T12:60",
      "tomorrow",
    ]) {
      expect(parseZonedDateTime(value), value).toBeNull();
    }
  });
});
