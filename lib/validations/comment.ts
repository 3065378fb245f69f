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
  // "Email me replies" (docs/decisions/036): a checkbox, absent when unticked.
  notifyReplies: z.string().transform((value) => value === "on"),
});

export type ReplyInput = z.infer<typeof ReplySchema>;

/** An edit of a comment: its text under the rules of a new one, and the version it started from. */
export const EditCommentSchema = z.object({
  commentId: IdSchema,
  body: CommentBodySchema,
  // The comment's editedAt in ms when the form was shown (0: never edited).
  version: z
    .string()
    .regex(/^\d{1,15}$/, "This form is out of date; reload the page.")
    .transform(Number),
  // A moderator's reason for editing someone else's comment: required there (the data
  // layer says so), absent from an author's form.
  note: z
    .string()
    .transform(cleanMultilineText)
    .pipe(z.string().max(500, "Keep the note under 500 characters."))
    .transform((note) => (note.length > 0 ? note : null)),
  returnTo: z.string(),
});

export const REPORT_REASONS = ["spam", "abuse", "off-topic", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** How the report form and the moderation queue name each reason. */
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  spam: "Spam",
  abuse: "Abuse or harassment",
  "off-topic": "Off-topic",
  other: "Something else",
};

export const REPORT_NOTE_MAX = 500;

export const ReportCommentSchema = z
  .object({
    commentId: IdSchema,
    reason: z.enum(REPORT_REASONS, { error: "Choose why you are reporting this comment." }),
    note: z
      .string()
      .transform(cleanMultilineText)
      .superRefine((note, ctx) => {
        const length = characterCount(note);
        if (length > REPORT_NOTE_MAX)
          ctx.addIssue({
            code: "custom",
            message: `Keep the note under ${REPORT_NOTE_MAX} characters; yours has ${length}.`,
          });
      })
      .transform((note) => (note.length > 0 ? note : null)),
    returnTo: z.string(),
  })
  .superRefine((report, ctx) => {
    if (report.reason === "other" && report.note === null)
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say what is wrong with this comment." });
  });

/**
 * Like or unlike (`like` "1" or "0": the state asked for, never a toggle, so a repeated
 * post changes nothing). `sort` is the order the reader was reading in, for the way back.
 */
export const LikeCommentSchema = z.object({
  commentId: IdSchema,
  like: z.enum(["1", "0"], "This form is out of date; reload the page.").transform((value) => value === "1"),
  sort: z.union([z.literal("").transform(() => DEFAULT_SORT), z.enum(COMMENT_SORTS)]),
});
