import { z } from "zod";

/**
 * The one way ids are read from routes, query strings and forms. Database ids are 1–10
 * digits with no leading zero; anything else ("0", "01", "1e3", " 1", arrays) is no id.
 */
export const IdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, "This form is out of date; reload the page.")
  .transform(Number);

/** A form's id field that may be empty: "" (a new item, a top-level comment) is null. */
export const OptionalIdSchema = z.union([z.literal("").transform(() => null), IdSchema]);

/** A user's id (Prisma cuid). */
export const UserIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, "Unknown user.");

/** The id in `value`, or null for anything else. Route params and query strings go through here. */
export function parseId(value: unknown): number | null {
  const parsed = IdSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
