import "server-only";
import { db } from "@/lib/db";
import { retryOnConflict } from "@/lib/db/retry";
import { isUniqueViolation } from "@/lib/data/errors";
import { ensureLabelIds } from "@/lib/data/labels";
import { eventsRecorded, postPublishedSql, recordEvent } from "@/lib/events/log";
import { postPath } from "@/lib/posts/paths";
import { postState, publicPath, type PostState } from "@/lib/posts/readable";

/** A post as the admin list shows it. "scheduled" = published with a future date. */
export type AdminPostRow = {
  id: number;
  title: string;
  state: PostState;
  publishedAt: Date | null;
  updatedAt: Date;
  path: string | null;
  labels: string[];
};

/** What a save writes; built field by field by the action, never spread from a form. */
export type PostWrite = {
  slug: string;
  title: string;
  standfirst: string | null;
  byline: string | null;
  sourceName: string | null;
  coverImageUrl: string | null;
  coverImageAlt: string | null;
  coverImageCaption: string | null;
  bodyMarkdown: string;
  status: "draft" | "published";
  publishedAt: Date | null;
  commentsEnabled: boolean;
  labels: string[];
};

/** Everything the editor needs to prefill the form: what a save writes, and more. */
export type AdminPostDetail = PostWrite & {
  id: number;
  updatedAt: Date;
  state: AdminPostRow["state"];
  path: string | null;
};

export type SavePostResult =
  { ok: true; id: number; path: string | null } | { ok: false; reason: "slug-taken" | "not-found" };

export async function listAdminPosts(): Promise<AdminPostRow[]> {
  const rows = await db.post.findMany({
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      labels: { select: { name: true }, orderBy: { name: "asc" } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    state: postState(row),
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    path: publicPath(row),
    labels: row.labels.map((label) => label.name),
  }));
}

export async function getAdminPost(id: number): Promise<AdminPostDetail | null> {
  const row = await db.post.findUnique({
    where: { id },
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
      status: true,
      publishedAt: true,
      commentsEnabled: true,
      updatedAt: true,
      labels: { select: { name: true }, orderBy: { name: "asc" } },
    },
  });
  if (!row) return null;
  return {
    ...row,
    status: row.status === "published" ? "published" : "draft",
    labels: row.labels.map((label) => label.name),
    state: postState(row),
    path: publicPath(row),
  };
}

function postData(input: PostWrite, labelIds: number[]) {
  return {
    slug: input.slug,
    title: input.title,
    standfirst: input.standfirst,
    byline: input.byline,
    sourceName: input.sourceName,
    coverImageUrl: input.coverImageUrl,
    coverImageAlt: input.coverImageAlt,
    coverImageCaption: input.coverImageCaption,
    bodyMarkdown: input.bodyMarkdown,
    status: input.status,
    publishedAt: input.publishedAt,
    commentsEnabled: input.commentsEnabled,
    labels: { set: labelIds.map((id) => ({ id })) },
  };
}

export async function createAdminPost(input: PostWrite, authorId: string): Promise<SavePostResult> {
  const labelIds = await ensureLabelIds(input.labels);
  try {
    const { labels, ...data } = postData(input, labelIds);
    // A nested write (the post and its label links) in one transaction, run again whole
    // if PostgreSQL ends it for a deadlock with another save (lib/db/retry.ts).
    const create = () =>
      db.post.create({
        data: { ...data, authorId, labels: { connect: labels.set } },
        select: { id: true },
      });
    // Published at once: its event in the same transaction, the post found by its slug.
    const post =
      input.status === "published"
        ? (
            await retryOnConflict(() =>
              db.$transaction([create(), db.$executeRaw(postPublishedSql(input.slug, authorId))]),
            )
          )[0]
        : await retryOnConflict(create);
    if (input.status === "published") eventsRecorded();
    return { ok: true, id: post.id, path: publicPath(input) };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "slug-taken" };
    throw error;
  }
}

/**
 * Saves a post. When a post that readers could reach moves (new slug or new month),
 * its old path is kept as a PostRedirect to the post's id, so every earlier URL, however
 * many renames ago, leads to the current one. The update and the redirect are written
 * in one batch transaction.
 */
export async function updateAdminPost(
  id: number,
  input: PostWrite,
  actorId: string | null = null,
): Promise<SavePostResult> {
  const before = await db.post.findUnique({
    where: { id },
    select: { slug: true, status: true, publishedAt: true },
  });
  if (!before) return { ok: false, reason: "not-found" };
  const labelIds = await ensureLabelIds(input.labels);
  const oldPath = publicPath(before);
  const newPath = input.publishedAt ? postPath({ slug: input.slug, publishedAt: input.publishedAt }) : null;
  // Created afresh on each attempt: a Prisma query runs once, so a retry needs new ones.
  const update = () =>
    db.post.update({ where: { id }, data: postData(input, labelIds), select: { id: true } });
  const publishing = before.status !== "published" && input.status === "published";
  try {
    await retryOnConflict(() =>
      db.$transaction([
        update(),
        ...(oldPath && oldPath !== newPath
          ? [
              db.postRedirect.upsert({
                where: { path: oldPath },
                create: { path: oldPath, postId: id },
                update: { postId: id },
              }),
            ]
          : []),
        ...(publishing ? [recordEvent(db, { kind: "post.published", postId: id, actorId })] : []),
      ]),
    );
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "slug-taken" };
    throw error;
  }
  if (publishing) eventsRecorded();
  return { ok: true, id, path: publicPath(input) };
}
