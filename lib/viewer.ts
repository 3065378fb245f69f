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
};

export type ViewerResponse = { viewer: ViewerInfo | null };
