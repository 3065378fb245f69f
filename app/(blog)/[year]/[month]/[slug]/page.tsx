import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { randomUUID } from "node:crypto";
import { CommentThread } from "@/components/comments/comment-thread";
import { DateHeader } from "@/components/date-header";
import { getOptionalUser, hasPermission } from "@/lib/auth/guards";
import { signInPath } from "@/lib/auth/redirects";
import { canDeleteComment } from "@/lib/comments/can-delete";
import type { CommentNode } from "@/lib/comments/tree";
import { getThreadComments } from "@/lib/data/comments";
import { config } from "@/lib/config";
import { getPostByPermalink, getRedirectTarget } from "@/lib/data/posts";
import { feedAlternates } from "@/lib/feeds/paths";
import { renderMarkdown } from "@/lib/markdown/render";
import { teaserFor } from "@/lib/text/teaser";
import { safeDecode } from "@/lib/validations/listing";
import { CommentActions } from "./comment-actions";
import { CommentForm } from "./comment-form";
import { DeleteComment } from "./delete-comment";
import { ShareButtons } from "./share-buttons";
import { ViewCounter } from "./view-counter";

type PostPageProps = {
  params: Promise<{ year: string; month: string; slug: string }>;
  searchParams: Promise<{ replyTo?: string }>;
};

async function loadPost(params: PostPageProps["params"]) {
  const { year, month, slug } = await params;
  const decoded = safeDecode(slug);
  if (!/^\d{4}$/.test(year) || !/^(0[1-9]|1[0-2])$/.test(month) || decoded === null) return null;
  return getPostByPermalink(year, month, decoded);
}

export async function generateMetadata({ params }: PostPageProps): Promise<Metadata> {
  const post = await loadPost(params);
  if (!post) return {};
  const description = teaserFor(post.standfirst, post.bodyMarkdown);
  return {
    title: post.title,
    description,
    alternates: feedAlternates({ canonical: post.path, postId: post.id, postTitle: post.title }),
    // og:image comes from opengraph-image.tsx beside this page.
    openGraph: {
      type: "article",
      title: post.title,
      description,
      url: post.path,
      publishedTime: post.publishedAt.toISOString(),
      modifiedTime: post.updatedAt.toISOString(),
      authors: post.byline ? [post.byline] : undefined,
      tags: post.labels.map((label) => label.name),
    },
    twitter: { card: "summary_large_image", title: post.title, description },
  };
}

export default async function PostPage({ params, searchParams }: PostPageProps) {
  const post = await loadPost(params);
  if (!post) {
    // An old permalink of a renamed or re-dated post leads to where it lives now.
    const { year, month, slug } = await params;
    const decoded = safeDecode(slug);
    const target = decoded === null ? null : await getRedirectTarget(`/${year}/${month}/${decoded}`);
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
      >
        {!comment.deleted && canDeleteComment(viewer, comment) && (
          <DeleteComment commentId={comment.id} postPath={post.path} asModerator={comment.authorId !== viewer?.id} />
        )}
      </CommentActions>
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
      <div className="text-muted mt-4 flex flex-wrap items-start gap-x-6 gap-y-2 text-sm font-semibold">
        <ShareButtons postId={post.id} url={`${config.siteUrl}${post.path}`} title={post.title} initialCount={post.shareCount} />
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
