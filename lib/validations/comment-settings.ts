import { z } from "zod";

/** The most words the blocklist holds, and the longest one: it is matched on every comment. */
export const BLOCKED_WORDS_MAX = 500;
export const BLOCKED_WORD_MAX_LENGTH = 100;

const count = (label: string, max: number) =>
  z.coerce
    .number({ error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(max, `${label} can be at most ${max.toLocaleString("en-US")}.`);

// An unchecked checkbox is absent: the form reader gives "".
const checkbox = z.string().transform((value) => value === "on");

export const BlockedWordsSchema = z.object({
  blockedWords: z.string().max(BLOCKED_WORDS_MAX * (BLOCKED_WORD_MAX_LENGTH + 1), "The list is too long."),
});

/** The admin's form at /admin/settings: every rule but the word list (moderators keep that). */
export const CommentSettingsSchema = z.object({
  holdAboveLinks: count("The link limit", 1000),
  holdNewAccountHours: count("The account age", 8760),
  holdUntilApproved: count("The number of approved comments", 1000),
  holdAll: checkbox,
  honeypot: checkbox,
  minSubmitSeconds: count("The minimum time", 600),
  maxReplyDepth: count("The reply depth", 10_000).min(1, "The reply depth must be at least 1."),
  duplicateWindowMinutes: count("The duplicate window", 525_600),
  editWindowMinutes: count("The edit window", 525_600),
  reportsToHide: count("The number of reports", 1000).min(1, "The number of reports must be at least 1."),
  unverifiedCanComment: checkbox,
});

export type CommentSettingsInput = z.output<typeof CommentSettingsSchema>;
