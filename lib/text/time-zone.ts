import { Temporal } from "temporal-polyfill";
import { config } from "@/lib/config";

/**
 * Wall-clock times and calendar days in the blog's zone (BLOG_TIMEZONE), as instants.
 * Temporal does the zone arithmetic, daylight-saving gaps and overlaps included: a day
 * whose midnight is skipped starts when the clock resumes, and a wall time that occurs
 * twice or never resolves as JavaScript's Date and RFC 5545 do ("compatible").
 */

/**
 * The instants [start, end) of a calendar month in the blog's zone, so that /2024/07
 * holds exactly the posts whose permalink says 2024/07 (a post at 2024-06-30T17:30Z is
 * July in Kuala Lumpur).
 */
export function monthRange(
  year: number,
  month: number,
  timeZone: string = config.timeZone,
): { start: Date; end: Date } {
  const first = Temporal.PlainDate.from({ year, month, day: 1 }, { overflow: "reject" });
  return { start: startOfDay(first, timeZone), end: startOfDay(first.add({ months: 1 }), timeZone) };
}

function startOfDay(date: Temporal.PlainDate, timeZone: string): Date {
  return new Date(date.toZonedDateTime({ timeZone }).epochMilliseconds);
}

/**
 * `<input type="datetime-local">` values ("2026-12-01T09:30") are wall-clock times in
 * the blog's zone, not the author's browser zone: the permalink month and the date
 * headers are in the blog's zone too, so what the author types is what readers see.
 */
const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-12-01T09:30" in the blog's zone → the instant, or null if not a real date and time. */
export function parseZonedDateTime(value: string, timeZone: string = config.timeZone): Date | null {
  const match = LOCAL_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second = 0] = match.slice(1).map((part) => Number(part ?? 0));
  try {
    const wall = Temporal.PlainDateTime.from(
      { year, month, day, hour, minute, second },
      { overflow: "reject" },
    );
    return new Date(wall.toZonedDateTime(timeZone, { disambiguation: "compatible" }).epochMilliseconds);
  } catch {
    return null; // 2024-02-30, 24:00 and the like
  }
}

/** The instant as a datetime-local value in the blog's zone, to prefill the input. */
export function formatZonedDateTime(date: Date, timeZone: string = config.timeZone): string {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime())
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: "minute" });
}
