import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL } from "./db/url";
import { parseEnv } from "./env-schema";

describe("parseEnv", () => {
  it("gives every setting its default when nothing is set", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      DATABASE_URL: DEFAULT_DATABASE_URL,
      AUTH_TRUST_HOST: false,
      COMMONPLACE_COUNT_QUERIES: false,
      UPLOAD_MAX_BYTES: 5 * 1024 * 1024,
      BLOG_TIMEZONE: "Asia/Kuala_Lumpur",
      POSTS_PER_PAGE: 5,
    });
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  it("treats an empty value as unset (a blank line in .env)", () => {
    const env = parseEnv({ DATABASE_URL: "", AUTH_GITHUB_ID: " ", AUTH_SECRET: "" });
    expect(env.DATABASE_URL).toBe(DEFAULT_DATABASE_URL);
    expect(env.AUTH_GITHUB_ID).toBeUndefined();
    expect(env.AUTH_SECRET).toBeUndefined();
  });

  it("fails with one message naming every bad variable", () => {
    let message = "";
    try {
      parseEnv({
        AUTH_SECRET: "short",
        DATABASE_URL: "mysql://db/blog",
        BLOG_TIMEZONE: "Mars/Olympus",
        POSTS_PER_PAGE: "many",
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid environment/);
    for (const name of ["AUTH_SECRET", "DATABASE_URL", "BLOG_TIMEZONE", "POSTS_PER_PAGE"])
      expect(message).toContain(name);
    expect(message).toContain("at least 32 characters");
  });

  it("takes the upload store by name, unset by default, and a sane size cap", () => {
    expect(parseEnv({}).UPLOAD_STORE).toBeUndefined();
    expect(parseEnv({}).UPLOAD_MAX_DIMENSION).toBe(2560);
    expect(parseEnv({ UPLOAD_STORE: "" }).UPLOAD_STORE).toBeUndefined();
    for (const store of ["local", "database"] as const)
      expect(parseEnv({ UPLOAD_STORE: store }).UPLOAD_STORE).toBe(store);
    expect(parseEnv({ UPLOAD_MAX_DIMENSION: "1600" }).UPLOAD_MAX_DIMENSION).toBe(1600);
    for (const bad of [
      { UPLOAD_STORE: "s3" },
      { UPLOAD_MAX_DIMENSION: "10" },
      { UPLOAD_MAX_DIMENSION: "big" },
    ])
      expect(() => parseEnv(bad)).toThrow(Object.keys(bad)[0]);
  });

  it("accepts a Server Actions key only as base64 of an AES key (16, 24 or 32 bytes)", () => {
    const key = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => i * 7)));
    expect(parseEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }).NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBe(
      key,
    );
    expect(parseEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: btoa("0123456789abcdef") })).toBeTruthy();
    for (const bad of ["not base64!", btoa("twenty bytes long..."), key.slice(0, -1)])
      expect(() => parseEnv({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: bad })).toThrow(
        /NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be 16, 24 or 32 random bytes/,
      );
  });

  it("accepts a SQLite file or a PostgreSQL server as the database", () => {
    expect(parseEnv({ DATABASE_URL: "file:./blog.db" }).DATABASE_URL).toBe("file:./blog.db");
    for (const url of ["postgresql://blog@db/blog", "postgres://blog@db/blog"])
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
  });

  it("reads flags and numbers", () => {
    const env = parseEnv({
      AUTH_TRUST_HOST: "true",
      COMMONPLACE_COUNT_QUERIES: "1",
      UPLOAD_MAX_BYTES: "2048",
    });
    expect(env.AUTH_TRUST_HOST).toBe(true);
    expect(env.COMMONPLACE_COUNT_QUERIES).toBe(true);
    expect(env.UPLOAD_MAX_BYTES).toBe(2048);
  });

  it("takes a search language from PostgreSQL's list, in any case, simple when unset", () => {
    expect(parseEnv({}).SEARCH_LANGUAGE).toBe("simple");
    expect(parseEnv({ SEARCH_LANGUAGE: " " }).SEARCH_LANGUAGE).toBe("simple");
    expect(parseEnv({ SEARCH_LANGUAGE: "English" }).SEARCH_LANGUAGE).toBe("english");
    // Written into SQL as a literal: anything off the list stops the server at start.
    for (const bad of ["klingon", 'english\'; DROP TABLE "Post"; --', "pg_catalog.english"])
      expect(() => parseEnv({ SEARCH_LANGUAGE: bad }), bad).toThrow(
        /SEARCH_LANGUAGE must be one of simple, /,
      );
  });

  it("reads the comment rules' defaults: on/off switches, counts within bounds", () => {
    const defaults = parseEnv({});
    expect(defaults).toMatchObject({
      COMMENT_HOLD_ABOVE_LINKS: 2,
      COMMENT_HOLD_ALL: false,
      COMMENT_HONEYPOT: true,
      COMMENT_MAX_REPLY_DEPTH: 100,
      COMMENT_DUPLICATE_WINDOW_MINUTES: 1440,
    });
    const set = parseEnv({ COMMENT_HOLD_ALL: "1", COMMENT_HONEYPOT: "false", COMMENT_HOLD_ABOVE_LINKS: "0" });
    expect(set).toMatchObject({
      COMMENT_HOLD_ALL: true,
      COMMENT_HONEYPOT: false,
      COMMENT_HOLD_ABOVE_LINKS: 0,
    });
    expect(() => parseEnv({ COMMENT_HOLD_ALL: "yes" })).toThrow(/COMMENT_HOLD_ALL/);
    expect(() => parseEnv({ COMMENT_MAX_REPLY_DEPTH: "0" })).toThrow(/COMMENT_MAX_REPLY_DEPTH/);
  });

  it("takes an smtp:// or smtps:// URL and a sender address for mail, none by default", () => {
    expect(parseEnv({})).toMatchObject({ MAIL_DIR: "./data/mail", MAIL_POLL_MS: 5000, MAIL_MAX_ATTEMPTS: 8 });
    expect(parseEnv({ SMTP_URL: "", MAIL_FROM: " " })).toMatchObject({
      SMTP_URL: undefined,
      MAIL_FROM: undefined,
    });
    expect(
      parseEnv({ SMTP_URL: "smtps://user:pass@smtp.example.com:465", MAIL_FROM: "blog@example.com" }),
    ).toMatchObject({ SMTP_URL: "smtps://user:pass@smtp.example.com:465", MAIL_FROM: "blog@example.com" });
    expect(() => parseEnv({ SMTP_URL: "https://smtp.example.com" })).toThrow(/SMTP_URL must be/);
    expect(() => parseEnv({ MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM must be an email address/);
    expect(() => parseEnv({ MAIL_MAX_ATTEMPTS: "0" })).toThrow(/MAIL_MAX_ATTEMPTS/);
    expect(parseEnv({}).NOTIFY_BATCH_MINUTES).toBe(10);
    expect(parseEnv({ NOTIFY_BATCH_MINUTES: "0" }).NOTIFY_BATCH_MINUTES).toBe(0);
    expect(() => parseEnv({ NOTIFY_BATCH_MINUTES: "-1" })).toThrow(/NOTIFY_BATCH_MINUTES/);
  });

  it("has the housekeeping settings: days kept, and whether the servers do it", () => {
    expect(parseEnv({})).toMatchObject({
      MAIL_KEEP_DAYS: 30,
      WEBHOOKS_KEEP_DAYS: 30,
      EVENTS_KEEP_DAYS: 7,
      HOUSEKEEPING_IN_SERVERS: true,
    });
    expect(parseEnv({ MAIL_KEEP_DAYS: "90", HOUSEKEEPING_IN_SERVERS: "0" })).toMatchObject({
      MAIL_KEEP_DAYS: 90,
      HOUSEKEEPING_IN_SERVERS: false,
    });
    expect(() => parseEnv({ EVENTS_KEEP_DAYS: "0" })).toThrow(/EVENTS_KEEP_DAYS/);
    expect(() => parseEnv({ WEBHOOKS_KEEP_DAYS: "a month" })).toThrow(/WEBHOOKS_KEEP_DAYS/);
  });

  it("refuses private webhook targets unless WEBHOOKS_ALLOW_PRIVATE is on", () => {
    expect(parseEnv({})).toMatchObject({
      WEBHOOKS_ALLOW_PRIVATE: false,
      WEBHOOKS_POLL_MS: 5000,
      WEBHOOKS_MAX_ATTEMPTS: 10,
    });
    expect(parseEnv({ WEBHOOKS_ALLOW_PRIVATE: "1" })).toMatchObject({ WEBHOOKS_ALLOW_PRIVATE: true });
    expect(() => parseEnv({ WEBHOOKS_ALLOW_PRIVATE: "yes" })).toThrow(/WEBHOOKS_ALLOW_PRIVATE/);
    expect(() => parseEnv({ WEBHOOKS_MAX_ATTEMPTS: "0" })).toThrow(/WEBHOOKS_MAX_ATTEMPTS/);
  });
});
