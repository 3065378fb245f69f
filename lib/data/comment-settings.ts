import "server-only";
import { can } from "@/lib/auth/permissions";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { HoldRules } from "@/lib/comments/hold-rules";
import { retryOnConflict } from "@/lib/db/retry";
import { keptInMemory } from "@/lib/cache/kept-in-memory";
import { COMMENT_SETTINGS_TAG } from "@/lib/cache/tags";
import type { CurrentUser } from "@/lib/data/users";
import { logModeration } from "@/lib/data/moderation-log";
import { parseWordList } from "@/lib/text/match-normal";
import {
  BLOCKED_WORD_MAX_LENGTH,
  BLOCKED_WORDS_MAX,
  type CommentSettingsInput,
} from "@/lib/validations/comment-settings";

/**
 * The comment rules in force: the database row an admin saved at /admin/settings, or
 * the environment's defaults (lib/env-schema.ts) until then.
 */
export type CommentSettings = HoldRules & {
  maxReplyDepth: number;
  duplicateWindowMinutes: number;
  /** Minutes after posting that an author may edit a comment (docs/decisions/029). */
  editWindowMinutes: number;
  /** Distinct open reports that hide a comment pending review. */
  reportsToHide: number;
  /** Accounts whose address is not verified may comment (docs/decisions/034). */
  unverifiedCanComment: boolean;
};

const SETTINGS_ID = 1;

export function defaultCommentSettings(): CommentSettings {
  return { ...config.commentRules, blockedWords: [], unverifiedCanComment: true };
}

/** The row's columns besides the word list, as the environment sets them. */
function defaultColumns() {
  return { ...config.commentRules };
}

// Read on every comment written, changed a few times a year: kept in memory, read again
// after a save here or in another server process.
const kept = keptInMemory(COMMENT_SETTINGS_TAG, readCommentSettings);

export function getCommentSettings(): Promise<CommentSettings> {
  return kept.get();
}

/** Drops the remembered rules; the next read asks the database. Called after every save. */
export function forgetCommentSettings(): void {
  kept.forget();
}

async function readCommentSettings(): Promise<CommentSettings> {
  const row = await db.commentSettings.findUnique({ where: { id: SETTINGS_ID } });
  if (!row) return defaultCommentSettings();
  return {
    holdAboveLinks: row.holdAboveLinks,
    blockedWords: parseWordList(row.blockedWords),
    holdNewAccountHours: row.holdNewAccountHours,
    holdUntilApproved: row.holdUntilApproved,
    holdAll: row.holdAll,
    honeypot: row.honeypot,
    minSubmitSeconds: row.minSubmitSeconds,
    maxReplyDepth: row.maxReplyDepth,
    duplicateWindowMinutes: row.duplicateWindowMinutes,
    editWindowMinutes: row.editWindowMinutes,
    reportsToHide: row.reportsToHide,
    unverifiedCanComment: row.unverifiedCanComment,
  };
}

type Actor = Pick<CurrentUser, "id" | "role" | "banned">;

export type SettingsResult = { ok: true } | { ok: false; reason: "forbidden" | "invalid"; message?: string };

/** The admin's rules (not the word list). */
export async function saveCommentSettings(
  actor: Actor,
  input: CommentSettingsInput,
): Promise<SettingsResult> {
  if (!can(actor, "edit:settings")) return { ok: false, reason: "forbidden" };
  const defaults = defaultColumns();
  await retryOnConflict(() =>
    db.commentSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...defaults, ...input },
      update: input,
    }),
  );
  forgetCommentSettings();
  await logModeration(actor.id, "settings.comments", "settings", "comments", JSON.stringify(input));
  return { ok: true };
}

/** The blocklist, which moderators keep. Returns the words as stored. */
export async function saveBlockedWords(
  actor: Actor,
  text: string,
): Promise<SettingsResult & { words?: string[] }> {
  if (!can(actor, "edit:blocked-words")) return { ok: false, reason: "forbidden" };
  const words = parseWordList(text);
  if (words.length > BLOCKED_WORDS_MAX)
    return { ok: false, reason: "invalid", message: `At most ${BLOCKED_WORDS_MAX} words.` };
  if (words.some((word) => word.length > BLOCKED_WORD_MAX_LENGTH))
    return {
      ok: false,
      reason: "invalid",
      message: `Each word can be at most ${BLOCKED_WORD_MAX_LENGTH} characters.`,
    };
  const defaults = defaultColumns();
  const stored = words.join("\n");
  await retryOnConflict(() =>
    db.commentSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...defaults, blockedWords: stored },
      update: { blockedWords: stored },
    }),
  );
  forgetCommentSettings();
  // The words themselves stay out of the log: it says how many, not which.
  await logModeration(
    actor.id,
    "settings.blocked-words",
    "settings",
    "blocked-words",
    `${words.length} words`,
  );
  return { ok: true, words };
}
