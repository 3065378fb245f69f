import { randomUUID } from "node:crypto";
import { createComment, type CommentAuthor } from "@/lib/data/comment-writes";
import { defaultCommentSettings } from "@/lib/data/comment-settings";

/** Three links: more than the default rules allow, so a comment with them is held. */
export const THREE_LINKS = "https://a.example https://b.example https://c.example";

/**
 * A comment held for review under the default rules, written through createComment as
 * a commenter's would be. Returns its id; throws if it was not stored as held.
 */
export async function createHeldComment(
  author: CommentAuthor,
  postId: number,
  text: string = randomUUID(),
): Promise<number> {
  const result = await createComment(
    { author, postId, parentId: null, body: `${text} ${THREE_LINKS}`, idempotencyKey: randomUUID() },
    { minIntervalSeconds: 0, perHour: 1000 },
    undefined,
    defaultCommentSettings(),
  );
  if (!result.ok || !result.held) throw new Error("expected a held comment");
  return result.commentId;
}
