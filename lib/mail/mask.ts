/**
 * An address as the admin's outbox page shows it: the first character of the name, the
 * domain in full (`j•••@example.com`), enough to tell a typo'd domain from a refused
 * mailbox without putting readers' addresses on a screen.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${Array.from(address)[0]}•••${address.slice(at)}`;
}
