/**
 * A comment form's idempotency key: one per submission, so a form sent twice (a double
 * click, a retried request) stores one comment (lib/data/comment-writes.ts). Only
 * CommentForm makes and renews them, through here; a form rendered on the server
 * (the no-JavaScript pages) gets its first key from here too. The server checks the
 * shape with SubmissionKeySchema (lib/validations/comment.ts).
 */
export function newSubmissionKey(): string {
  return crypto.randomUUID();
}

/** The moment a comment form is shown, sent with it as `startedAt` (the minimum time-to-submit rule). */
export function formOpenedAt(): number {
  return Date.now();
}
