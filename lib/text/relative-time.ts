/**
 * How a comment's time reads once the page runs in the reader's browser (docs/decisions/030):
 * "just now", "3 minutes ago", "5 hours ago", "2 days ago" within a week, the date after
 * that, and the exact time for the tooltip, all in the reader's own time zone. Pure and
 * client-safe (no settings): the blog's zone is only the server's (lib/text/dates.ts).
 */
const WEEK_DAYS = 7;

export function relativeTime(date: Date, now: Date, locale: string, timeZone?: string): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  // A clock a little behind the server's: still "just now", never "in 5 seconds".
  if (seconds < 60) return "just now";
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "always" });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return relative.format(-minutes, "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return relative.format(-hours, "hour");
  const days = Math.floor(hours / 24);
  if (days < WEEK_DAYS) return relative.format(-days, "day");
  return new Intl.DateTimeFormat(locale, { timeZone, year: "numeric", month: "long", day: "numeric" }).format(
    date,
  );
}

export function exactTime(date: Date, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}
