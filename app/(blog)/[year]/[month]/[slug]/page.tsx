import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { randomUUID } from "node:crypto";
import { CommentThread } from "@/components/comments/comment-thread";
import { DateHeader } from "@/components/date-header";
import { getOptionalUser, hasPermission } from "@/lib/auth/guards";
import { signInPath } from "@/lib/auth/redirects";
import type { CommentNode } from "@/lib/comments/tree";
import { getThreadComments } from "@/lib/data/comments";
import { getPostByPermalink, getRedirectTarget } from "@/lib/data/posts";
import { renderMarkdown } from "@/lib/markdown/render";
import { CommentActions } from "./comment-actions";
import { CommentForm } from "./comment-form";
import { ViewCounter } from "./view-counter";

type PostPageProps = {
  params: Promise<{ year: string; month: string; slug: string }>;
  searchParams: Promise<{ replyTo?: string }>;
};

async function loadPost(params: PostPageProps["params"]) {
  const { year, month, slug } = await params;
  if (!/^\d{4}$/.test(year) || !/^(0[1-9]|1[0-2])$/.test(month)) return null;
  return getPostByPermalink(year, month, decodeURIComponent(slug));
}

export async function generateMetadata({ params }: PostPageProps): Promise<Metadata> {
  const post = await loadPost(params);
  if (!post) return {};
  return {
    title: post.title,
    description: post.standfirst ?? undefined,
    alternates: { canonical: post.path },
  };
}

export default async function PostPage({ params, searchParams }: PostPageProps) {
  const post = await loadPost(params);
  if (!post) {
    // An old permalink of a renamed or re-dated post leads to where it lives now.
    const { year, month, slug } = await params;
    const target = await getRedirectTarget(`/${year}/${month}/${decodeURIComponent(slug)}`);
    if (target) permanentRedirect(encodeURI(target));
    notFound();
  }
  const [comments, viewer, { replyTo }] = await Promise.all([getThreadComments(post.id), getOptionalUser(), searchParams]);
  const canComment = post.commentsEnabled && hasPermission(viewer, "create:comment");
  const openReplyTo = replyTo && /^\d{1,10}$/.test(replyTo) ? Number(replyTo) : null;

  const commentActions = (comment: CommentNode) => {
    const replyable = post.commentsEnabled && !comment.deleted;
    const returnTo = `${post.path}?replyTo=${comment.id}#c${comment.id}`;
    const open = canComment && replyable && openReplyTo === comment.id;
    return (
      <CommentActions
        commentId={comment.id}
        postId={post.id}
        viewerName={viewer?.name ?? null}
        canReply={canComment && replyable}
        signInHref={!viewer && replyable ? signInPath(returnTo) : null}
        replyOpen={open}
        idempotencyKey={open ? randomUUID() : null}
      />
    );
  };

  return (
    <article>
      <DateHeader date={post.publishedAt} as="p" />
      <h1 className="mt-2 font-serif text-3xl leading-tight font-bold sm:text-4xl">{post.title}</h1>
      <p className="text-muted mt-3 text-sm">
        {post.byline && <span>By {post.byline}</span>}
        {post.byline && post.sourceName && <span> · </span>}
        {post.sourceName && <span>{post.sourceName}</span>}
      </p>
      {post.standfirst && <p className="mt-4 text-xl leading-relaxed">{post.standfirst}</p>}
      <div className="text-muted mt-4 flex gap-6 text-sm font-semibold">
        <p>
          {post.shareCount} {post.shareCount === 1 ? "SHARE" : "SHARES"}
        </p>
        <ViewCounter postId={post.id} initialCount={post.viewCount} />
      </div>
      {post.coverImageUrl && (
        <figure className="mt-6">
          {/* eslint-disable-next-line @next/next/no-img-element -- uploads and seeds are plain files; no optimizer needed */}
          <img src={post.coverImageUrl} alt={post.coverImageAlt ?? ""} className="w-full rounded" width={1200} height={675} />
          {post.coverImageCaption && <figcaption className="text-muted mt-2 text-sm">{post.coverImageCaption}</figcaption>}
        </figure>
      )}
      <div className="prose-body mt-6">{renderMarkdown(post.bodyMarkdown)}</div>
      {post.labels.length > 0 && (
        <p className="text-muted mt-8 text-sm">
          Labels:{" "}
          {post.labels.map((label, i) => (
            <span key={label.slug}>
              {i > 0 && ", "}
              <Link href={`/label/${label.slug}`} className="link">
                {label.name}
              </Link>
            </span>
          ))}
        </p>
      )}
      <CommentThread
        comments={comments}
        postPath={post.path}
        actions={commentActions}
        footer={<CommentFooter postId={post.id} postPath={post.path} viewer={viewer} canComment={canComment} commentsEnabled={post.commentsEnabled} />}
      />
    </article>
  );
}

type CommentFooterProps = {
  postId: number;
  postPath: string;
  viewer: { name: string; banned: boolean } | null;
  canComment: boolean;
  commentsEnabled: boolean;
};

/** Under the thread: the "Post a comment" form, or what stands in its way. */
function CommentFooter({ postId, postPath, viewer, canComment, commentsEnabled }: CommentFooterProps) {
  if (!commentsEnabled) return <p className="text-muted">Comments are closed on this post.</p>;
  if (!viewer) {
    return (
      <p>
        <Link href={signInPath(`${postPath}#comments`)} className="link font-semibold">
          Sign in to comment
        </Link>
      </p>
    );
  }
  if (!canComment) {
    return <p className="text-muted">{viewer.banned ? "Your account has been banned from commenting." : "Your account cannot comment."}</p>;
  }
  return (
    <div className="no-print">
      <h3 className="mb-2 font-semibold">Post a comment</h3>
      <CommentForm postId={postId} parentId={null} idempotencyKey={randomUUID()} authorName={viewer.name} />
    </div>
  );
}
