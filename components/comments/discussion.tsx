import { CommentList, CommentThread } from "@/components/comments/comment-thread";
import { CommentItem, type HeldMark } from "@/components/comments/comment-item";
import { buildCommentTree, type CommentNode, type ThreadComment } from "@/lib/comments/tree";
import type { CommentPage } from "@/lib/data/comment-pages";
import { CommentControls, CommentFooter } from "@/components/comments/comment-controls";
import { LoadMoreComments } from "@/components/comments/load-more-comments";
import { LiveThread } from "@/components/comments/live-thread";
import { SortLinks } from "@/components/comments/sort-links";
import { DEFAULT_SORT, type CommentSort } from "@/lib/comments/sort";

export type DiscussionPost = {
  id: number;
  path: string;
  commentsEnabled: boolean;
  /** The post's author, whose comments carry an "Author" badge. */
  authorId: string | null;
};

/**
 * A post's discussion as every reader gets it: the same bytes for everyone, so it can
 * be cached. Reply and Delete come to life in the browser for a signed-in viewer.
 */
export function Discussion({
  post,
  page,
  numbered = true,
  sort = DEFAULT_SORT,
  liveAfter,
}: {
  post: DiscussionPost;
  page: CommentPage;
  numbered?: boolean;
  /** The order the page shows (docs/decisions/030); its links offer the others. */
  sort?: CommentSort;
  /** The event log's id the page was rendered at: the thread then follows changes live (038). */
  liveAfter?: number;
}) {
  return (
    <CommentThread
      comments={page.comments}
      total={page.total}
      hiddenReplies={page.hiddenReplies}
      rootOrder={page.rootOrder}
      postPath={post.path}
      postAuthorId={post.authorId}
      numbered={numbered}
      actions={controlsFor(post, { sort })}
      toolbar={page.total > 1 && <SortLinks postPath={post.path} sort={sort} />}
      live={liveAfter !== undefined && <LiveThread postId={post.id} after={liveAfter} sort={sort} />}
      more={
        page.nextCursor !== null && (
          <LoadMoreComments postId={post.id} postPath={post.path} after={page.nextCursor} sort={sort} />
        )
      }
      footer={<CommentFooter postId={post.id} commentsEnabled={post.commentsEnabled} />}
    />
  );
}

/** The comments of a further page, for "Load more comments" to append. */
export function DiscussionPage({
  post,
  page,
  sort,
}: {
  post: DiscussionPost;
  page: CommentPage;
  sort: CommentSort;
}) {
  return (
    <CommentList
      comments={page.comments}
      hiddenReplies={page.hiddenReplies}
      rootOrder={page.rootOrder}
      postPath={post.path}
      postAuthorId={post.authorId}
      numbered={false}
      actions={controlsFor(post, { sort })}
    />
  );
}

/**
 * One comment as the thread shows it: what a reply action answers with, to show in
 * place, and how a held comment is shown to its author or a moderator (never cached).
 */
export function DiscussionComment({
  post,
  comment,
  held,
}: {
  post: DiscussionPost;
  comment: ThreadComment;
  held?: HeldMark;
}) {
  const [node] = buildCommentTree([comment]);
  return (
    <CommentItem
      comment={node}
      postPath={post.path}
      postAuthorId={post.authorId}
      actions={controlsFor(post, { held: held !== undefined })}
      held={held}
      published
    />
  );
}

function controlsFor(
  post: DiscussionPost,
  { held = false, sort = DEFAULT_SORT }: { held?: boolean; sort?: CommentSort } = {},
) {
  function CommentActionsSlot(comment: CommentNode) {
    return (
      <CommentControls
        commentId={comment.id}
        postId={post.id}
        postPath={post.path}
        // A held comment takes no replies until it is approved (lib/data/comment-writes.ts).
        replyable={post.commentsEnabled && !comment.deleted && !held}
        deletable={!comment.deleted}
        edited={comment.editedAt !== null}
        held={held}
        likeable={!comment.deleted && !held}
        likeCount={comment.likeCount}
        sort={sort}
      />
    );
  }
  return CommentActionsSlot;
}
