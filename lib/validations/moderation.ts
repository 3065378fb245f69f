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
