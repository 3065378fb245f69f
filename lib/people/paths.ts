/**
 * A person's public profile (docs/decisions/031): by account id, which never changes, so
 * links in cached pages and elsewhere survive a rename. Pages of older comments follow
 * as /u/<id>/before/<comment id> (a cursor: stable while new comments arrive).
 */
export function profilePath(userId: string, before?: number): string {
  return before === undefined ? `/u/${userId}` : `/u/${userId}/before/${before}`;
}

/** The signed-in reader's own account page (per request). */
export const ACCOUNT_PATH = "/account";
