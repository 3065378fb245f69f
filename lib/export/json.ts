import type { DbClient } from "@/lib/db/client";
import {
  commonplaceId,
  COMMONPLACE_FORMAT,
  COMMONPLACE_VERSION,
  type JsonComment,
  type JsonEnd,
  type JsonHeader,
  type JsonLabel,
  type JsonPage,
  type JsonPost,
} from "@/lib/export/commonplace-json";
import { readComments, readLabels, readPages, readPosts, type Origin } from "@/lib/export/read";
import type { ExportOptions } from "@/lib/export/options";

/** The source name of items imported from a Commonplace JSON export (ImportedItem.source). */
export const COMMONPLACE_SOURCE = "commonplace";

/**
 * The id an item keeps in every export: the one it had in the Commonplace export it came
 * from, else its own. The other origins (Blogger, WordPress…) travel with it, so a blog
 * moved twice still recognises a re-import of its first export.
 */
export function stableId(
  kind: "post" | "page" | "comment",
  localId: number,
  origins: Origin[],
  site: string,
) {
  const own = origins.find((origin) => origin.source === COMMONPLACE_SOURCE);
  return {
    id: own?.sourceId ?? commonplaceId(kind, localId, site),
    origins: origins.filter((origin) => origin.source !== COMMONPLACE_SOURCE),
  };
}

const line = (value: object) => `${JSON.stringify(value)}\n`;
const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The whole blog as Commonplace JSON lines, a line at a time (lib/export/commonplace-json.ts). */
export async function* exportJson(db: DbClient, options: ExportOptions): AsyncGenerator<string> {
  const header: JsonHeader = {
    format: COMMONPLACE_FORMAT,
    version: COMMONPLACE_VERSION,
    site: options.site,
    exportedAt: (options.now ?? new Date()).toISOString(),
    withEmails: options.withEmails,
  };
  yield line(header);
  const end: JsonEnd = { type: "end", labels: 0, pages: 0, posts: 0, comments: 0 };
  for (const label of await readLabels(db)) {
    yield line({ type: "label", name: label.name, slug: label.slug } satisfies JsonLabel);
    end.labels++;
  }
  for await (const page of readPages(db)) {
    const record: JsonPage = {
      type: "page",
      ...stableId("page", page.id, page.origins, options.site),
      slug: page.slug,
      title: page.title,
      bodyMarkdown: page.bodyMarkdown,
      navOrder: page.navOrder,
      published: page.published,
      createdAt: page.createdAt.toISOString(),
      updatedAt: page.updatedAt.toISOString(),
    };
    yield line(record);
    end.pages++;
  }
  for await (const post of readPosts(db)) {
    const { id: postId, origins } = stableId("post", post.id, post.origins, options.site);
    const record: JsonPost = {
      type: "post",
      id: postId,
      slug: post.slug,
      title: post.title,
      standfirst: post.standfirst,
      byline: post.byline,
      sourceName: post.sourceName,
      coverImageUrl: post.coverImageUrl,
      coverImageAlt: post.coverImageAlt,
      coverImageCaption: post.coverImageCaption,
      bodyMarkdown: post.bodyMarkdown,
      status: post.status === "published" ? "published" : "draft",
      publishedAt: iso(post.publishedAt),
      commentsEnabled: post.commentsEnabled,
      viewCount: post.viewCount,
      shareCount: post.shareCount,
      createdAt: post.createdAt.toISOString(),
      updatedAt: post.updatedAt.toISOString(),
      author: post.author?.name ?? null,
      ...(options.withEmails ? { authorEmail: post.author?.email ?? null } : {}),
      labels: post.labels.map((label) => label.slug),
      redirects: post.redirects.map((redirect) => redirect.path),
      comments: post._count.comments,
      origins,
    };
    yield line(record);
    end.posts++;
    // Ids of this post's comments that are not computable from the local id (imported ones).
    const named = new Map<number, string>();
    const idOf = (localId: number) => named.get(localId) ?? commonplaceId("comment", localId, options.site);
    for await (const comment of readComments(db, post.id)) {
      const stable = stableId("comment", comment.id, comment.origins, options.site);
      if (stable.id !== commonplaceId("comment", comment.id, options.site)) named.set(comment.id, stable.id);
      const record: JsonComment = {
        type: "comment",
        id: stable.id,
        post: postId,
        parent: comment.parentId === null ? null : idOf(comment.parentId),
        authorName: comment.authorName,
        ...(options.withEmails ? { authorEmail: comment.author?.email ?? null } : {}),
        body: comment.body,
        createdAt: comment.createdAt.toISOString(),
        editedAt: iso(comment.editedAt),
        status: comment.status === "held" ? "held" : "published",
        heldReasons: parseReasons(comment.heldReasons),
        deletedAt: iso(comment.deletedAt),
        deletedReason:
          comment.deletedReason === "author" || comment.deletedReason === "moderator"
            ? comment.deletedReason
            : comment.deletedAt
              ? "moderator"
              : null,
        deletionNote: comment.deletionNote,
        origins: stable.origins,
      };
      yield line(record);
      end.comments++;
    }
  }
  yield line(end);
}

function parseReasons(text: string | null): string[] | null {
  if (text === null) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((each): each is string => typeof each === "string") : null;
  } catch {
    return null;
  }
}
