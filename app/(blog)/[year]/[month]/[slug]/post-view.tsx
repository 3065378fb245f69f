import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { DateHeader } from "@/components/date-header";
import { Discussion } from "@/components/comments/discussion";
import type { CommentSort } from "@/lib/comments/sort";
import { config } from "@/lib/config";
import { getCommentPage } from "@/lib/data/comment-pages";
import { getRedirectTarget } from "@/lib/data/posts";
import { env } from "@/lib/env";
import { latestEventId } from "@/lib/events/log";
import { feedAlternates } from "@/lib/feeds/paths";
import { renderMarkdown } from "@/lib/markdown/render";
import { teaserFor } from "@/lib/text/teaser";
import { parseSlugParam } from "@/lib/validations/listing";
import { loadPost, type PostParams } from "./load-post";
import { PostCounters } from "./post-counters";

/**
 * The post page, in any order of its discussion: the post itself (/2024/06/slug) and
 * its sorted copies (/2024/06/slug?sort=best, rendered at /…/sorted/best and cached on
 * their own; docs/decisions/030). One canonical URL: the post's.
 */
export async function postMetadata(params: PostParams): Promise<Metadata> {
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

export async function PostView({ params, sort }: { params: PostParams; sort: CommentSort }) {
  const post = await loadPost(params);
  if (!post) {
    // An old permalink of a renamed or re-dated post leads to where it lives now.
    const { year, month, slug } = await params;
    const decoded = parseSlugParam(slug);
    const target = decoded === null ? null : await getRedirectTarget(`/${year}/${month}/${decoded}`);
    if (target) permanentRedirect(encodeURI(target));
    notFound();
  }
  // Read before the comments: an event after it may be in the page already (the live
  // thread skips what the page shows), never missing from both (docs/decisions/038).
  const liveAfter = env.LIVE_MAX_STREAMS > 0 ? await latestEventId({ postId: post.id }) : undefined;
  const comments = await getCommentPage(post.id, null, sort);

  return (
    <article>
      <DateHeader date={post.publishedAt} as="p" />
      <h1 className="mt-2 font-serif text-3xl leading-tight font-bold sm:text-4xl">{post.title}</h1>
      <p className="mt-3 text-sm text-muted">
        {post.byline && <span>By {post.byline}</span>}
        {post.byline && post.sourceName && <span> · </span>}
        {post.sourceName && <span>{post.sourceName}</span>}
      </p>
      {post.standfirst && <p className="mt-4 text-xl leading-relaxed">{post.standfirst}</p>}
      <div className="mt-4 flex flex-wrap items-start gap-x-6 gap-y-2 text-sm font-semibold text-muted">
        <PostCounters
          postId={post.id}
          url={`${config.siteUrl}${post.path}`}
          title={post.title}
          initialViews={post.viewCount}
          initialShares={post.shareCount}
        />
      </div>
      {post.coverImageUrl && (
        <figure className="mt-6">
          {/* eslint-disable-next-line @next/next/no-img-element -- uploads and seeds are plain files; no optimizer needed */}
          <img
            src={post.coverImageUrl}
            alt={post.coverImageAlt ?? ""}
            className="w-full rounded"
            width={1200}
            height={675}
          />
          {post.coverImageCaption && (
            <figcaption className="mt-2 text-sm text-muted">{post.coverImageCaption}</figcaption>
          )}
        </figure>
      )}
      <div className="prose-body mt-6">{renderMarkdown(post.bodyMarkdown)}</div>
      {post.labels.length > 0 && (
        <p className="mt-8 text-sm text-muted">
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
      <Discussion post={post} page={comments} sort={sort} liveAfter={liveAfter} />
    </article>
  );
}
