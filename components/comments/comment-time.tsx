"use client";

import { useHydrated } from "@/lib/hooks/use-hydrated";
import { exactTime, relativeTime } from "@/lib/text/relative-time";

type CommentTimeProps = {
  /** The instant, ISO 8601. */
  iso: string;
  /** The date and the exact time in the blog's zone, as the cached page carries them. */
  blogDate: string;
  blogExact: string;
  locale: string;
};

/**
 * A comment's time. The cached HTML (and the first render in the browser, so hydration
 * matches) carries the date and exact time in the blog's zone; once hydrated, it reads
 * "3 hours ago" or the date in the reader's own zone, the exact time in the tooltip.
 */
export function CommentTime({ iso, blogDate, blogExact, locale }: CommentTimeProps) {
  const hydrated = useHydrated();
  const date = new Date(iso);
  // Read during render only after hydration: the server and the first client render agree.
  const text = hydrated ? relativeTime(date, new Date(), locale) : blogDate;
  const title = hydrated ? exactTime(date, locale) : blogExact;
  return (
    <time dateTime={iso} title={title}>
      {text}
    </time>
  );
}
