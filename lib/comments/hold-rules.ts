import { can } from "@/lib/auth/permissions";
import { linkify } from "@/lib/text/linkify";
import { findBlockedWord } from "@/lib/text/match-normal";

/**
 * Whether a new comment is published or held for review, and why (docs/decisions/023).
 * Pure: the data layer (lib/data/comment-writes.ts) gathers the facts and stores the
 * reasons with the comment; the Held queue shows them.
 */

export const HOLD_REASONS = [
  "links",
  "blocked-word",
  "new-account",
  "few-approved",
  "pre-moderation",
  "honeypot",
  "too-quick",
  // Set by an import (lib/import): the comment was waiting for review on the old blog.
  "imported",
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** How the Held queue names each reason. */
export const HOLD_REASON_LABELS: Record<HoldReason, string> = {
  links: "too many links",
  "blocked-word": "a blocked word",
  "new-account": "new account",
  "few-approved": "few approved comments",
  "pre-moderation": "every comment is reviewed",
  honeypot: "hidden form field filled in",
  "too-quick": "sent too quickly after the form opened",
  imported: "held on the old blog before the move",
};

export type HoldRules = {
  holdAboveLinks: number;
  blockedWords: readonly string[];
  holdNewAccountHours: number;
  holdUntilApproved: number;
  holdAll: boolean;
  honeypot: boolean;
  minSubmitSeconds: number;
};

export type AuthorStanding = {
  role: string;
  createdAt: Date;
  /** A moderator trusted the account ("approve and trust"). */
  trustedAt: Date | null;
  /** Published comments so far; null when no rule needs it (not counted). */
  approvedComments: number | null;
};

/** What the form says about how it was filled in: a bot fills every field, and fast. */
export type FormSignals = { honeypotFilled: boolean; elapsedMs: number | null };

export function countLinks(body: string): number {
  return linkify(body).filter((segment) => segment.kind === "link").length;
}

/** Whether the new-account rules and pre-moderation stop holding this author's comments. */
export function isTrusted(author: AuthorStanding, rules: Pick<HoldRules, "holdUntilApproved">): boolean {
  if (author.trustedAt) return true;
  return (
    rules.holdUntilApproved > 0 &&
    author.approvedComments !== null &&
    author.approvedComments >= rules.holdUntilApproved
  );
}

/**
 * Why a comment is held; none: it is published. Moderators and admins are never held.
 * Trust lifts the rules about the account (age, approved comments, pre-moderation);
 * the rules about the text (links, words) and the form (honeypot, speed) hold anyone
 * else, since a trusted account can still be taken over or scripted.
 */
export function holdReasons({
  body,
  author,
  signals,
  rules,
  now,
}: {
  body: string;
  author: AuthorStanding;
  signals: FormSignals;
  rules: HoldRules;
  now: Date;
}): HoldReason[] {
  if (can({ role: author.role, banned: false }, "approve:comment")) return [];
  const reasons: HoldReason[] = [];
  if (countLinks(body) > rules.holdAboveLinks) reasons.push("links");
  if (findBlockedWord(body, rules.blockedWords) !== null) reasons.push("blocked-word");
  if (!isTrusted(author, rules)) {
    const ageMs = now.getTime() - author.createdAt.getTime();
    if (rules.holdNewAccountHours > 0 && ageMs < rules.holdNewAccountHours * 3_600_000)
      reasons.push("new-account");
    if (rules.holdUntilApproved > 0) reasons.push("few-approved");
    if (rules.holdAll) reasons.push("pre-moderation");
  }
  if (rules.honeypot && signals.honeypotFilled) reasons.push("honeypot");
  if (
    rules.minSubmitSeconds > 0 &&
    signals.elapsedMs !== null &&
    signals.elapsedMs < rules.minSubmitSeconds * 1000
  )
    reasons.push("too-quick");
  return reasons;
}

/** Stored reasons read back; unknown names (from a later version) are dropped. */
export function parseHoldReasons(stored: string | null): HoldReason[] {
  if (!stored) return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed)
      ? parsed.filter((item): item is HoldReason => (HOLD_REASONS as readonly string[]).includes(item))
      : [];
  } catch {
    return [];
  }
}
