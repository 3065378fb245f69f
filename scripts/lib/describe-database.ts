import { databaseFilePath, databaseProvider } from "@/lib/db/url";

/** A database URL as a command may print it: the file, or database@host without credentials. */
export function describeDatabase(url: string | undefined): string {
  if (databaseProvider(url) === "sqlite") return databaseFilePath(url);
  const parsed = new URL(url!);
  return `PostgreSQL database "${decodeURIComponent(parsed.pathname.slice(1))}" on ${parsed.host || "the local socket"}`;
}
