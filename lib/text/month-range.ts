import { config } from "@/lib/config";

/**
 * The instants [start, end) of a calendar month in the blog's time zone, so that
 * /2024/07 holds exactly the posts whose permalink says 2024/07 (a post at
 * 2024-06-30T17:30Z is July in Kuala Lumpur).
 */
export function monthRange(
  year: number,
  month: number,
  timeZone: string = config.timeZone,
): { start: Date; end: Date } {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    start: zonedMidnight(year, month, 1, timeZone),
    end: zonedMidnight(next.year, next.month, 1, timeZone),
  };
}

/** Midnight at the start of a local calendar day in `timeZone`, as a UTC instant. */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const asIfUtc = Date.UTC(year, month - 1, day);
  const firstGuess = asIfUtc - offsetAt(asIfUtc, timeZone);
  // Around a DST change the offset at the guess can differ; one correction settles it.
  const secondOffset = offsetAt(firstGuess, timeZone);
  return new Date(asIfUtc - secondOffset);
}

function offsetAt(instant: number, timeZone: string): number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return local - Math.floor(instant / 1000) * 1000;
}

const monthNames = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" });

/** "July" for 7, in English like Blogger's archive widget. */
export function monthName(month: number): string {
  return monthNames.format(new Date(Date.UTC(2000, month - 1, 1)));
}
