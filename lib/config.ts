import { z } from "zod";

/**
 * Public, non-secret blog settings from the environment, validated once. Secrets live
 * in lib/env.ts, which only server code imports.
 */
const ConfigSchema = z.object({
  BLOG_TITLE: z.string().trim().min(1).max(120).default("Commonplace"),
  BLOG_DESCRIPTION: z.string().trim().max(300).default("News worth keeping, and the conversation around it."),
  BLOG_TIMEZONE: z
    .string()
    .default("Asia/Kuala_Lumpur")
    .refine(isTimeZone, "BLOG_TIMEZONE must be an IANA time zone such as Europe/London"),
  BLOG_LOCALE: z.string().default("en-US"),
  SITE_URL: z.url().default("http://localhost:3000"),
  POSTS_PER_PAGE: z.coerce.number().int().min(1).max(100).default(5),
  // Flood control (WordPress waits 15 s between comments; Discourse 5 s).
  COMMENT_MIN_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(15),
  COMMENTS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(30),
  // How long a write waits for another connection's lock (backup, script) before giving
  // up with DatabaseBusyError; the wait never blocks the event loop (decision 008).
  DATABASE_WRITE_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(8000),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const parsed = ConfigSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid blog configuration:\n${z.prettifyError(parsed.error)}`);
}

export const config = {
  title: parsed.data.BLOG_TITLE,
  description: parsed.data.BLOG_DESCRIPTION,
  timeZone: parsed.data.BLOG_TIMEZONE,
  locale: parsed.data.BLOG_LOCALE,
  siteUrl: parsed.data.SITE_URL.replace(/\/+$/, ""),
  postsPerPage: parsed.data.POSTS_PER_PAGE,
  commentLimits: {
    minIntervalSeconds: parsed.data.COMMENT_MIN_INTERVAL_SECONDS,
    perHour: parsed.data.COMMENTS_PER_HOUR,
  },
  database: {
    writeWaitMs: parsed.data.DATABASE_WRITE_WAIT_MS,
  },
} as const;
