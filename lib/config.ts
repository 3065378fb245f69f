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
  /** Defaults of the comment rules an admin edits at /admin/settings (lib/data/comment-settings.ts). */
  commentRules: {
    holdAboveLinks: env.COMMENT_HOLD_ABOVE_LINKS,
    holdNewAccountHours: env.COMMENT_HOLD_NEW_ACCOUNT_HOURS,
    holdUntilApproved: env.COMMENT_HOLD_UNTIL_APPROVED,
    holdAll: env.COMMENT_HOLD_ALL,
    honeypot: env.COMMENT_HONEYPOT,
    minSubmitSeconds: env.COMMENT_MIN_SUBMIT_SECONDS,
    maxReplyDepth: env.COMMENT_MAX_REPLY_DEPTH,
    duplicateWindowMinutes: env.COMMENT_DUPLICATE_WINDOW_MINUTES,
    editWindowMinutes: env.COMMENT_EDIT_WINDOW_MINUTES,
    reportsToHide: env.COMMENT_REPORTS_TO_HIDE,
  },
  /** Gravatar images over the generated avatars (docs/decisions/031). */
  gravatar: env.COMMENT_GRAVATAR,
  /** Whether mails leave the server (SMTP_URL set); the URL itself is a secret (lib/mail/settings.ts). */
  mailConfigured: env.SMTP_URL !== undefined,
  /** How long housekeeping keeps what it deletes later (docs/decisions/039, README "Housekeeping"). */
  retention: {
    mailKeepDays: env.MAIL_KEEP_DAYS,
    webhooksKeepDays: env.WEBHOOKS_KEEP_DAYS,
    eventsKeepDays: env.EVENTS_KEEP_DAYS,
  },
  /** Reply notifications: minutes between two mails to one reader about one discussion (docs/decisions/036). */
  notifyBatchMinutes: env.NOTIFY_BATCH_MINUTES,
  database: {
    writeWaitMs: env.DATABASE_WRITE_WAIT_MS,
  },
} as const;
