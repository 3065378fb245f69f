import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { DateHeader } from "@/components/date-header";
import { getCommentPage } from "@/lib/data/comment-pages";
import { config } from "@/lib/config";
import { getRedirectTarget } from "@/lib/data/posts";
import { feedAlternates } from "@/lib/feeds/paths";
import { renderMarkdown } from "@/lib/markdown/render";
import { teaserFor } from "@/lib/text/teaser";
import { parseSlugParam } from "@/lib/validations/listing";
import { loadPost } from "./load-post";
import { Discussion } from "@/components/comments/discussion";
import { PostCounters } from "./post-counters";

type PostPageProps = { params: Promise<{ year: string; month: string; slug: string }> };

// Rendered on first request, then cached for every reader until a change expires it.
export function generateStaticParams() {
  return [];
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

export default async function PostPage({ params }: PostPageProps) {
  const post = await loadPost(params);
  if (!post) {
    // An old permalink of a renamed or re-dated post leads to where it lives now.
    const { year, month, slug } = await params;
    const decoded = parseSlugParam(slug);
    const target = decoded === null ? null : await getRedirectTarget(`/${year}/${month}/${decoded}`);
    if (target) permanentRedirect(encodeURI(target));
    notFound();
  }
  const comments = await getCommentPage(post.id, null);

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
      <Discussion post={post} page={comments} />
    </article>
  );
}
