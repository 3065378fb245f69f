import { env } from "@/lib/env";

/**
 * The public, non-secret projection of the environment (lib/env.ts): blog settings that
 * pages may show or hand to the browser. Secrets are never copied here.
 */
export const config = {
  title: env.BLOG_TITLE,
  description: env.BLOG_DESCRIPTION,
  timeZone: env.BLOG_TIMEZONE,
  locale: env.BLOG_LOCALE,
  siteUrl: env.SITE_URL.replace(/\/+$/, ""),
  postsPerPage: env.POSTS_PER_PAGE,
  commentLimits: {
    minIntervalSeconds: env.COMMENT_MIN_INTERVAL_SECONDS,
    perHour: env.COMMENTS_PER_HOUR,
  },
  database: {
    writeWaitMs: env.DATABASE_WRITE_WAIT_MS,
  },
} as const;
