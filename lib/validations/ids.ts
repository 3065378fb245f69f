import { z } from "zod";

/** A database id in a route, query or form: 1–10 digits, no leading zero. */
export const IdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, "Unknown item.")
  .transform(Number);

/** The id in `value`, or null for anything else (absent, "0", "01", "1e3", arrays). */
export function parseId(value: unknown): number | null {
  const parsed = IdSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
