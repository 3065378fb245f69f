/** The reader's notification settings page (docs/decisions/036). */
export const NOTIFICATIONS_PATH = "/account/notifications";

/** The page an unsubscribe link opens (a GET only shows what it would do: mail scanners fetch links). */
export function unsubscribePagePath(token: string): string {
  return `/account/unsubscribe/${token}`;
}

/** Where List-Unsubscribe points: POST unsubscribes at once (RFC 8058), GET leads to the page. */
export function oneClickUnsubscribePath(token: string): string {
  return `/api/unsubscribe/${token}`;
}
