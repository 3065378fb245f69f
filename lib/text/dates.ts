import { config } from "@/lib/config";

/** All dates are shown in the blog's time zone, as Blogger does, not the reader's. */
const dateHeaderFormat = new Intl.DateTimeFormat(config.locale, {
  timeZone: config.timeZone,
  weekday: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
});

const timestampFormat = new Intl.DateTimeFormat(config.locale, {
  timeZone: config.timeZone,
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: config.timeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "Wednesday, June 19, 2024" */
export function formatDateHeader(date: Date): string {
  return dateHeaderFormat.format(date);
}

/** "June 19, 2024 at 2:35 PM" */
export function formatTimestamp(date: Date): string {
  return timestampFormat.format(date);
}

/** Calendar parts of an instant in the blog's time zone. */
export function calendarParts(date: Date): { year: string; month: string; day: string } {
  const parts = Object.fromEntries(partsFormat.formatToParts(date).map((p) => [p.type, p.value]));
  return { year: parts.year, month: parts.month, day: parts.day };
}

/** "2024-06-19": the day key used to group posts under one date header. */
export function dayKey(date: Date): string {
  const { year, month, day } = calendarParts(date);
  return `${year}-${month}-${day}`;
}

const monthNames = new Intl.DateTimeFormat("en-US", { month: "long", timeZone: "UTC" });

/** "July" for 7, in English like Blogger's archive widget. */
export function monthName(month: number): string {
  return monthNames.format(new Date(Date.UTC(2000, month - 1, 1)));
}

const dateFormat = new Intl.DateTimeFormat(config.locale, {
  timeZone: config.timeZone,
  year: "numeric",
  month: "long",
  day: "numeric",
});

const exactFormat = new Intl.DateTimeFormat(config.locale, {
  timeZone: config.timeZone,
  weekday: "long",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});

/** "June 19, 2024", in the blog's zone: what a cached page shows before scripts run. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** "Wednesday, June 19, 2024 at 2:35 PM GMT+8", in the blog's zone: a time's tooltip. */
export function formatExactTime(date: Date): string {
  return exactFormat.format(date);
}
