import { z } from "zod";
import { IdSchema, UserIdSchema } from "@/lib/validations/ids";

export const ModerationNoteSchema = z
  .string()
  .trim()
  .max(500, "Keep the note under 500 characters.")
  .transform((note) => (note.length > 0 ? note : undefined));

export const DeleteCommentSchema = z.object({ commentId: IdSchema, note: ModerationNoteSchema });
export const RestoreCommentSchema = z.object({ commentId: IdSchema });
export const BanUserSchema = z.object({
  userId: UserIdSchema,
  reason: ModerationNoteSchema,
  deleteComments: z.enum(["on", ""]).transform((value) => value === "on"),
});
export const UnbanUserSchema = z.object({ userId: UserIdSchema });

/** Delete under a comment: the note is for moderators; `returnTo` is where a plain form post goes back to. */
export const DeleteCommentFormSchema = DeleteCommentSchema.extend({ returnTo: z.string() });

/** The most held comments one bulk action takes: a page of the Held queue. */
export const HELD_BULK_MAX = 100;

/**
 * The Held queue's one form: a button per comment (`act` = "approve:<id>", …) or a bulk
 * button (`act` = "approve") for the ticked `commentId` boxes. Read from every value of
 * `commentId`, so it takes FormData, not the single-value form reader.
 */
export const HeldActionSchema = z
  .object({
    act: z.string().regex(/^(approve|approve-trust|delete|spam)(:[1-9]\d{0,9})?$/, "Choose an action."),
    commentIds: z.array(IdSchema).max(HELD_BULK_MAX, `At most ${HELD_BULK_MAX} comments at once.`),
  })
  .transform(({ act, commentIds }) => {
    const [action, one] = act.split(":") as ["approve" | "approve-trust" | "delete" | "spam", string?];
    return { action, ids: one ? [Number(one)] : [...new Set(commentIds)] };
  })
  .refine(({ ids }) => ids.length > 0, "Tick at least one comment.");

export function parseHeldAction(formData: FormData) {
  return HeldActionSchema.safeParse({
    act: formData.get("act") ?? "",
    commentIds: formData.getAll("commentId").filter((value) => typeof value === "string"),
  });
}
