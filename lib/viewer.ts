/**
 * What a cached page learns about its reader after load (GET /api/viewer). Only hints
 * for showing controls, read through the rule book (lib/auth/permissions.ts): every
 * server action decides again from the session.
 */
export type ViewerInfo = {
  name: string;
  /** Header links for the viewer's role (Admin, Moderation). */
  links: { href: string; label: string }[];
  role: string;
  banned: boolean;
  /** The viewer's own live comments on the post asked about. */
  ownCommentIds: number[];
  /** Of those, the ones still inside the edit window (docs/decisions/029); a moderator edits any. */
  editableCommentIds: number[];
  /**
   * Held comments on the post asked about that this viewer may see (their own; every
   * one for a moderator): the page then loads them rendered (docs/decisions/023).
   */
  heldCommentIds: number[];
  /** Comments on the post asked about that this viewer likes: never in a cached page (docs/decisions/030). */
  likedCommentIds: number[];
  /** Comments waiting in the Held queue, for a moderator's header; null for others. */
  heldCount: number | null;
  /** What "Email me replies" starts as: the viewer's last choice (docs/decisions/036). */
  notifyReplies: boolean;
  /** Whether the viewer follows the post asked about; null when no post was asked about. */
  following: boolean | null;
};

export type ViewerResponse = { viewer: ViewerInfo | null };
