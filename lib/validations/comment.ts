import { z } from "zod";
import { characterCount, cleanMultilineText } from "@/lib/text/unicode";
import { IdSchema, OptionalIdSchema } from "@/lib/validations/ids";
import { COMMENT_SORTS, DEFAULT_SORT } from "@/lib/comments/sort";

/** Counted in characters (code points) on the client and the server alike. */
export const COMMENT_MAX = 4096;

/** A comment form's submission key (made by lib/comments/submission-key.ts). */
export const SubmissionKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, "This form has expired; reload the page.");

export const CommentBodySchema = z
  .string()
  .transform(cleanMultilineText)
  .superRefine((body, ctx) => {
    if (body.length === 0) ctx.addIssue({ code: "custom", message: "Write something before publishing." });
    const length = characterCount(body);
    if (length > COMMENT_MAX) {
      ctx.addIssue({
        code: "custom",
        message: `Comments can be at most ${COMMENT_MAX.toLocaleString("en-US")} characters; yours has ${length.toLocaleString("en-US")}.`,
      });
    }
  });

export const ReplySchema = z.object({
  postId: IdSchema,
  parentId: OptionalIdSchema,
  body: CommentBodySchema,
  idempotencyKey: SubmissionKeySchema,
  // A field people never see (comment-form.tsx): a bot that fills it in is held, not told.
  website: z.string().transform((value) => value.trim() !== ""),
  // When the form was shown, in ms since 1970; anything else reads as unknown.
  startedAt: z.string().transform((value) => (/^\d{1,15}$/.test(value) ? Number(value) : null)),
});

export type ReplyInput = z.infer<typeof ReplySchema>;

/**
 * Like or unlike (`like` "1" or "0": the state asked for, never a toggle, so a repeated
 * post changes nothing). `sort` is the order the reader was reading in, for the way back.
 */
export const LikeCommentSchema = z.object({
  commentId: IdSchema,
  like: z.enum(["1", "0"], "This form is out of date; reload the page.").transform((value) => value === "1"),
  sort: z.union([z.literal("").transform(() => DEFAULT_SORT), z.enum(COMMENT_SORTS)]),
});
