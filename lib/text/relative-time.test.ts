import { describe, expect, it } from "vitest";
import { exactTime, relativeTime } from "./relative-time";

describe("relativeTime", () => {
  const now = new Date("2024-06-19T12:00:00Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it("reads as minutes, hours and days within a week, then as a date in the given zone", () => {
    expect(relativeTime(ago(20_000), now, "en-US")).toBe("just now");
    expect(relativeTime(ago(-5_000), now, "en-US")).toBe("just now");
    expect(relativeTime(ago(60_000), now, "en-US")).toBe("1 minute ago");
    expect(relativeTime(ago(3 * 3_600_000 + 59_000), now, "en-US")).toBe("3 hours ago");
    expect(relativeTime(ago(2 * 86_400_000), now, "en-US")).toBe("2 days ago");
    const old = new Date("2024-06-01T23:30:00Z");
    expect(relativeTime(old, now, "en-US", "UTC")).toBe("June 1, 2024");
    expect(relativeTime(old, now, "en-US", "Asia/Kuala_Lumpur")).toBe("June 2, 2024");
  });

  it("gives the exact time with its zone for the tooltip", () => {
    expect(exactTime(new Date("2024-06-19T06:35:00Z"), "en-US", "Asia/Kuala_Lumpur")).toBe(
      "Wednesday, June 19, 2024 at 2:35 PM GMT+8",
    );
  });
});
