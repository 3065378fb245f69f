import { z } from "zod";

export const CommentIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, "Unknown comment.")
  .transform(Number);
export const UserIdSchema = z.string().regex(/^[a-z0-9]{20,40}$/, "Unknown user.");
export const ModerationNoteSchema = z
  .string()
  .trim()
  .max(500, "Keep the note under 500 characters.")
  .transform((note) => (note.length > 0 ? note : undefined));

export const DeleteCommentSchema = z.object({ commentId: CommentIdSchema, note: ModerationNoteSchema });
export const BanUserSchema = z.object({
  userId: UserIdSchema,
  reason: ModerationNoteSchema,
  deleteComments: z.enum(["on", ""]).transform((value) => value === "on"),
});
