import { z } from "zod";
import { DEFAULT_DATABASE_URL, databaseProvider } from "./db/url";
import { LOG_LEVELS } from "./log/logger.mjs";
import { parseTrustedProxies } from "./net/client-address.mjs";
import { DEFAULT_SEARCH_LANGUAGE, SEARCH_LANGUAGES } from "./search/languages";

/**
 * Every environment variable the app reads, in one schema. The running server parses it
 * once at start (lib/env.ts, from instrumentation.ts); next.config.ts parses it at build
 * time for the upload limit. Public settings are projected in lib/config.ts; secrets
 * stay in lib/env.ts, which only server code can import. Scripts, tests and the
 * plain-JavaScript cache handler read their own variables.
 */

// An empty value means "not set", as a blank line in .env intends.
const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

const flag = (on: string) =>
  z
    .string()
    .optional()
    .transform((value) => value === on);

// "1"/"true" or "0"/"false"; unset (or blank) is the default.
const onOff = (fallback: boolean) =>
  optionalText.pipe(
    z
      .enum(["1", "true", "0", "false"], { error: 'must be "1", "true", "0" or "false"' })
      .optional()
      .transform((value) => (value === undefined ? fallback : value === "1" || value === "true")),
  );

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),

  // Database (docs/decisions/001, 008, 016)
  DATABASE_URL: optionalText
    .transform((value) => value ?? DEFAULT_DATABASE_URL)
    .refine((value) => {
      try {
        return Boolean(databaseProvider(value));
      } catch {
        return false;
      }
    }, 'DATABASE_URL must be a SQLite "file:" URL or a "postgresql://" URL'),
  // How long a write waits for another connection's lock (backup, script) before giving
  // up with DatabaseBusyError; the wait never blocks the event loop (decision 008).
  DATABASE_WRITE_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(8000),
  // The language PostgreSQL search stems words for (docs/decisions/017); SQLite ignores it.
  // A fixed list, since the name is written into the search SQL as a literal.
  SEARCH_LANGUAGE: optionalText
    .transform((value) => value?.toLowerCase() ?? DEFAULT_SEARCH_LANGUAGE)
    .pipe(
      z.enum(SEARCH_LANGUAGES, { error: `SEARCH_LANGUAGE must be one of ${SEARCH_LANGUAGES.join(", ")}` }),
    ),
  /** Tests and benchmarks count SQL statements (lib/db/client.ts). */
  COMMONPLACE_COUNT_QUERIES: flag("1"),

  // Auth.js. The secret is required to serve (instrumentation.ts), not to run a script.
  AUTH_SECRET: optionalText.refine(
    (value) => value === undefined || value.length >= 32,
    "AUTH_SECRET must be a random string of at least 32 characters (e.g. `openssl rand -base64 32`)",
  ),
  AUTH_URL: optionalText,
  AUTH_TRUST_HOST: flag("true"),
  AUTH_GITHUB_ID: optionalText,
  AUTH_GITHUB_SECRET: optionalText,
  AUTH_GOOGLE_ID: optionalText,
  AUTH_GOOGLE_SECRET: optionalText,

  // Next's key for Server Actions: Next reads it itself, when building (the key is
  // embedded in the build and salts the actions' ids), so every build of one deployment
  // needs the same key; one build served by many instances has one already. Checked here
  // so a malformed key stops the build and the start with a message (docs/decisions/022).
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: optionalText.refine(
    (value) => value === undefined || isAesKeyInBase64(value),
    "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 16, 24 or 32 random bytes in base64 (e.g. `openssl rand -base64 32`)",
  ),

  // The proxies in front of server.mjs: none (default), a hop count, or their addresses
  // and CIDR ranges (docs/decisions/015). server.mjs reads it; validated here with the rest.
  TRUSTED_PROXIES: optionalText.superRefine((value, context) => {
    try {
      parseTrustedProxies(value);
    } catch (error) {
      context.addIssue({ code: "custom", message: (error as Error).message });
    }
  }),

  // Structured logs on standard output (lib/log): this level and above.
  LOG_LEVEL: optionalText.transform((value) => value?.toLowerCase()).pipe(z.enum(LOG_LEVELS).default("info")),

  // Uploads (docs/decisions/005, 020). Where they are kept: "local" (UPLOAD_DIR, outside
  // public/ on purpose, which is fixed at build time) or "database" (every instance
  // reaches it). Unset: the database on PostgreSQL, the folder on SQLite (lib/uploads/settings.ts).
  UPLOAD_STORE: optionalText.pipe(z.enum(["local", "database"]).optional()),
  UPLOAD_DIR: z.string().trim().min(1).default("./data/uploads"),
  // Longest side of a stored image in pixels; larger uploads are scaled down.
  UPLOAD_MAX_DIMENSION: z.coerce.number().int().min(64).max(16_384).default(2560),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(5 * 1024 * 1024),

  // Several server processes share their cache expiries through the database; each reads
  // the others' every this many ms (docs/decisions/021). 0: one process, nothing shared.
  CACHE_EXPIRY_POLL_MS: z.coerce.number().int().min(0).max(60_000).default(250),

  // Mail (docs/decisions/032). SMTP_URL (a secret: it holds the password) like
  // smtps://user:pass@smtp.example.com:465 or smtp://host:587; unset, mails are written to
  // MAIL_DIR and the log instead of sent, and in production the features that need mail
  // say they are unavailable. MAIL_FROM is the sender's address (the blog's name is put
  // before it); unset, no-reply@ the SITE_URL's host.
  SMTP_URL: optionalText.refine(
    (value) => value === undefined || /^smtps?:\/\/[^/]/i.test(value),
    'SMTP_URL must be an "smtp://" or "smtps://" URL, like smtps://user:password@smtp.example.com:465',
  ),
  MAIL_FROM: optionalText.pipe(z.email({ error: "MAIL_FROM must be an email address" }).optional()),
  MAIL_DIR: z.string().trim().min(1).default("./data/mail"),
  // How often the server's mail worker looks for due mails (ms); 0: none in the server,
  // `npm run worker` sends them instead.
  MAIL_POLL_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  // Attempts before a mail is marked failed (backoff doubles from 30 s between them).
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  // Reply notifications (docs/decisions/036): at most one mail per reader per discussion
  // per this many minutes, listing every reply gathered since the last (0: one per reply).
  NOTIFY_BATCH_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),

  // Live threads (docs/decisions/038): how often a server process with readers watching
  // reads the event log (ms; at once anyway when it records an event itself), how many
  // streams it keeps open in all and per client address (0: no cap per address).
  LIVE_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  LIVE_MAX_STREAMS: z.coerce.number().int().min(0).max(100_000).default(2000),
  LIVE_MAX_STREAMS_PER_IP: z.coerce.number().int().min(0).max(100_000).default(20),

  // Webhooks (docs/decisions/037). Targets on loopback and private networks (and plain
  // http) are refused unless this is on: for a receiver on the same machine or network.
  WEBHOOKS_ALLOW_PRIVATE: onOff(false),
  // How often the server's webhook worker looks for due deliveries (ms); 0: none in the
  // server, `npm run worker` delivers them instead.
  WEBHOOKS_POLL_MS: z.coerce.number().int().min(0).max(600_000).default(5000),
  // Attempts before a delivery is given up (backoff doubles from 30 s, up to 6 h).
  WEBHOOKS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),

  // Housekeeping (docs/decisions/039): once an hour, one instance deletes what is kept no
  // longer. Days a sent mail is kept (failed ones: 90), a delivered webhook delivery (given
  // up ones: 90; the newest 50 of each webhook always stay), and an event-log entry (only
  // once every consumer has handled it; a live thread can resume within this window).
  MAIL_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  WEBHOOKS_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  EVENTS_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
  // Off: the servers leave housekeeping to `npm run worker`.
  HOUSEKEEPING_IN_SERVERS: onOff(true),

  // The blog (public, see lib/config.ts)
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
  // Held for review (docs/decisions/023): what /admin/settings starts from until an admin
  // saves it there (the database row then wins). Hold a comment with more links than this.
  COMMENT_HOLD_ABOVE_LINKS: z.coerce.number().int().min(0).max(1000).default(2),
  // Hold comments from accounts younger than this many hours (0: off).
  COMMENT_HOLD_NEW_ACCOUNT_HOURS: z.coerce.number().int().min(0).max(8760).default(0),
  // Hold comments from accounts with fewer approved comments than this (0: off).
  COMMENT_HOLD_UNTIL_APPROVED: z.coerce.number().int().min(0).max(1000).default(0),
  // Pre-moderation: hold every comment of an untrusted commenter.
  COMMENT_HOLD_ALL: onOff(false),
  // Hold comments whose form's hidden honeypot field was filled in.
  COMMENT_HONEYPOT: onOff(true),
  // Hold comments sent sooner than this after the form was shown (0: off).
  COMMENT_MIN_SUBMIT_SECONDS: z.coerce.number().int().min(0).max(600).default(0),
  // The deepest reply accepted; a top-level comment has depth 0.
  COMMENT_MAX_REPLY_DEPTH: z.coerce.number().int().min(1).max(10_000).default(100),
  // The same text from one author on one post within this many minutes is refused.
  COMMENT_DUPLICATE_WINDOW_MINUTES: z.coerce.number().int().min(0).max(525_600).default(1440),
  // Commenters' Gravatar images over their generated avatars (docs/decisions/031). Off: no
  // page asks a third party for anything. On: cached pages carry a hash of each
  // commenter's email, and readers' browsers ask gravatar.com for it (the CSP allows it).
  COMMENT_GRAVATAR: onOff(false),
  // Edits and reports (docs/decisions/029): minutes an author may edit a comment after
  // posting it (0: never), and distinct reports that hide a comment pending review.
  COMMENT_EDIT_WINDOW_MINUTES: z.coerce.number().int().min(0).max(525_600).default(15),
  COMMENT_REPORTS_TO_HIDE: z.coerce.number().int().min(1).max(1000).default(3),
});

export type Env = z.infer<typeof EnvSchema>;

// What Next's server action encryption accepts: standard base64 of an AES-128/192/256 key.
function isAesKeyInBase64(value: string): boolean {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value)) return false;
  return [16, 24, 32].includes(atob(value).length);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Validates an environment, or throws one error naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `Invalid environment (check .env or the server's settings):\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}
