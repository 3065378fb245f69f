import "server-only";
import { db } from "@/lib/db";
import { postPath } from "@/lib/posts/paths";
import { asReadable, publicPath, readableNow } from "@/lib/posts/readable";
import { calendarParts } from "@/lib/text/dates";
import { teaserFor } from "@/lib/text/teaser";

/** What the post page shows. Only published posts whose time has come are readable. */
export type PostView = {
  id: number;
  slug: string;
  path: string;
  title: string;
  standfirst: string | null;
  byline: string | null;
  sourceName: string | null;
  coverImageUrl: string | null;
  coverImageAlt: string | null;
  coverImageCaption: string | null;
  bodyMarkdown: string;
  publishedAt: Date;
  updatedAt: Date;
  commentsEnabled: boolean;
  /** The post's author: their comments carry an "Author" badge. */
  authorId: string | null;
  viewCount: number;
  shareCount: number;
  labels: { name: string; slug: string }[];
};

export type PostSummary = {
  id: number;
  title: string;
  path: string;
  /** Standfirst, or the start of the body: plain text. */
  teaser: string;
  publishedAt: Date;
  commentCount: number;
};

export async function getPostByPermalink(
  year: string,
  month: string,
  slug: string,
): Promise<PostView | null> {
  const row = await db.post.findFirst({
    where: { slug, ...readableNow() },
    select: {
      id: true,
      slug: true,
      title: true,
      standfirst: true,
      byline: true,
      sourceName: true,
      coverImageUrl: true,
      coverImageAlt: true,
      coverImageCaption: true,
      bodyMarkdown: true,
      publishedAt: true,
      updatedAt: true,
      commentsEnabled: true,
      authorId: true,
      viewCount: true,
      shareCount: true,
      labels: { select: { name: true, slug: true }, orderBy: { name: "asc" } },
    },
  });
  if (!row) return null;
  const post = asReadable(row);
  // The year and month are part of the permalink: a wrong month is a different URL.
  const parts = calendarParts(post.publishedAt);
  if (parts.year !== year || parts.month !== month) return null;
  return { ...post, path: postPath(post) };
}

/** A readable post as its discussion needs it: where it lives, whether it takes comments. */
export type DiscussionTarget = {
  id: number;
  title: string;
  path: string;
  commentsEnabled: boolean;
  authorId: string | null;
};

export async function getDiscussionTarget(postId: number): Promise<DiscussionTarget | null> {
  const row = await db.post.findFirst({
    where: { id: postId, ...readableNow() },
    select: { id: true, title: true, slug: true, publishedAt: true, commentsEnabled: true, authorId: true },
  });
  if (!row) return null;
  const post = asReadable(row);
  return {
    id: post.id,
    title: post.title,
    path: postPath(post),
    commentsEnabled: post.commentsEnabled,
    authorId: post.authorId,
  };
}

/** Which published posts a listing shows: all (home), one label, or one month. */
export type PostFilter = { labelSlug?: string; start?: Date; end?: Date };

/**
 * Newest first, with live-comment counts, one page at a time. Fetches one row more than
 * a page to know whether an "Older Posts" link is needed, without a count query.
 */
export async function getPublishedPosts({
  page,
  perPage,
  filter = {},
}: {
  page: number;
  perPage: number;
  filter?: PostFilter;
}): Promise<{ posts: PostSummary[]; hasOlder: boolean }> {
  const rows = await db.post.findMany({
    where: {
      AND: [readableNow(), { publishedAt: { gte: filter.start, lt: filter.end } }],
      ...(filter.labelSlug ? { labels: { some: { slug: filter.labelSlug } } } : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * perPage,
    take: perPage + 1,
    select: {
      id: true,
      slug: true,
      title: true,
      standfirst: true,
      bodyMarkdown: true,
      publishedAt: true,
      _count: { select: { comments: { where: { deletedAt: null, status: "published", hiddenAt: null } } } },
    },
  });
  const posts = rows
    .slice(0, perPage)
    .map(asReadable)
    .map((row) => ({
      id: row.id,
      title: row.title,
      teaser: teaserFor(row.standfirst, row.bodyMarkdown),
      publishedAt: row.publishedAt,
      path: postPath(row),
      commentCount: row._count.comments,
    }));
  return { posts, hasOlder: rows.length > perPage };
}

/**
 * Where an old permalink (kept when a post's slug or month changed) leads now: the
 * post's current path, or null if there is no such redirect or the post is not public.
 */
export async function getRedirectTarget(path: string): Promise<string | null> {
  const redirect = await db.postRedirect.findUnique({
    where: { path },
    select: { post: { select: { slug: true, status: true, publishedAt: true } } },
  });
  const target = redirect ? publicPath(redirect.post) : null;
  return target === path ? null : target;
}
