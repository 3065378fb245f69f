import type { HoldReason } from "@/lib/comments/hold-rules";
import { threadPosition, type ThreadPosition } from "@/lib/comments/tree";
import type { DbClient } from "@/lib/db/client";
import { htmlToCommentText, htmlToMarkdown, imageSources } from "@/lib/import/html";
import type { ImageFailure, ImageFetcher } from "@/lib/import/images";
import { redirectKey, type ImportComment, type ImportPost, type ImportSource } from "@/lib/import/items";
import { emptyCounts, reportLine, type Counts, type ReportLine } from "@/lib/import/report";
import { orderParentsFirst } from "@/lib/import/thread-order";
import { postPath } from "@/lib/posts/paths";
import { slugify } from "@/lib/text/slugify";
import { MARKDOWN_MAX, SLUG_MAX } from "@/lib/validations/authoring";
import { COMMENT_MAX } from "@/lib/validations/comment";
import { LABEL_MAX } from "@/lib/validations/post";

/** The client inside an interactive transaction. */
export type Tx = Parameters<Extract<Parameters<DbClient["$transaction"]>[0], (tx: never) => unknown>>[0];

/** A post or page with every comment the file has for it: written in one transaction. */
export type ImportGroup = { post: ImportPost; comments: ImportComment[] };

export type WriteOptions = {
  file: string;
  source: ImportSource;
  authorId: string | null;
  /** Spam and trashed comments are imported as removed (moderator) instead of skipped. */
  includeSpam: boolean;
  /** Called inside the transaction after each stored comment (progress; an error aborts the post). */
  onComment?: (comment: ImportComment) => void;
  /** --fetch-images: copies the images new posts show into the upload store. */
  images?: ImageFetcher;
};

export type GroupOutcome = {
  imported: Counts;
  unchanged: { posts: number; pages: number; comments: number };
  skipped: ReportLine[];
  warnings: ReportLine[];
  /** Images copied into the upload store (--fetch-images). */
  imagesFetched?: number;
};

/** Work worth an explicit budget: a post with 20,000 comments is one transaction. */
export const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/**
 * Writes one post (or page) and its comments, or none of them: the caller runs it in one
 * transaction. Items already imported (found in ImportedItem) are left alone, so a
 * second import of the same file writes nothing.
 */
export async function writeGroup(
  db: DbClient,
  group: ImportGroup,
  options: WriteOptions,
  dryRun: boolean,
): Promise<GroupOutcome> {
  const texts = await convertNewTexts(db, group, options.source, dryRun ? undefined : options.images);
  let outcome: GroupOutcome | null = null;
  try {
    await db.$transaction(
      async (tx) => {
        outcome = await writeInTransaction(tx, group, texts, options);
        if (dryRun) throw new DryRunRollback();
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return outcome!;
}

class DryRunRollback extends Error {}

/** Markdown and comment text, by source id, converted before the transaction opens. */
export type Texts = {
  body: string | null;
  comments: Map<string, string>;
  images?: { fetched: number; failures: ImageFailure[] };
};

/**
 * Converts the HTML of what is not imported yet outside the transaction, so the write
 * lock (SQLite) is held for writing only: 11 ms a long post, 0.3 ms a comment add up on
 * a busy thread. Whatever another import wrote in between is found again inside.
 */
async function convertNewTexts(
  db: DbClient,
  { post, comments }: ImportGroup,
  source: string,
  fetcher?: ImageFetcher,
): Promise<Texts> {
  const known = await db.importedItem.findUnique({
    where: { source_kind_sourceId: { source, kind: post.kind, sourceId: post.sourceId } },
    select: { id: true },
  });
  const imported = await importedComments(
    db,
    source,
    comments.map((comment) => comment.sourceId),
  );
  // Fetched before the transaction too: a slow image server must not hold the write lock.
  const images = !known && fetcher ? await fetcher.localize(imageSources(post.html)) : null;
  return {
    body: known ? null : htmlToMarkdown(post.html, images?.found),
    images: images ? { fetched: images.found.size, failures: images.failures } : undefined,
    comments: new Map(
      comments
        .filter((comment) => !imported.has(comment.sourceId))
        .map((comment) => [comment.sourceId, htmlToCommentText(comment.html)]),
    ),
  };
}

async function writeInTransaction(
  tx: Tx,
  { post, comments }: ImportGroup,
  texts: Texts,
  options: WriteOptions,
): Promise<GroupOutcome> {
  const outcome: GroupOutcome = {
    imported: emptyCounts(),
    unchanged: { posts: 0, pages: 0, comments: 0 },
    skipped: [],
    warnings: [],
  };
  const line = (item: { sourceId: string; position: ImportPost["position"] }, what: string, reason: string) =>
    reportLine(options.file, item, what, reason);

  const existing = await tx.importedItem.findUnique({
    where: { source_kind_sourceId: { source: options.source, kind: post.kind, sourceId: post.sourceId } },
    select: { localId: true },
  });
  const bodyMarkdown = existing ? "" : (texts.body ?? htmlToMarkdown(post.html));
  if (!existing && texts.images) {
    outcome.imagesFetched = texts.images.fetched;
    for (const failure of texts.images.failures)
      outcome.warnings.push(
        line(post, post.kind, `image ${failure.url} kept at its address: ${failure.reason}`),
      );
  }
  if (bodyMarkdown.length > MARKDOWN_MAX)
    outcome.warnings.push(
      line(
        post,
        post.kind,
        `body of ${bodyMarkdown.length} characters is over the editor's ${MARKDOWN_MAX}; kept whole`,
      ),
    );

  if (post.kind === "page") {
    if (existing) outcome.unchanged.pages++;
    else {
      const base = baseSlug(post);
      const slug = await freeSlug(tx, "page", base);
      // A blog here already has its own About page (the demo seed's, the operator's):
      // the import never takes it over; the old one keeps /p/<slug>, reported.
      if (slug !== base)
        outcome.warnings.push(
          line(
            post,
            "page",
            `a page at /p/${base} is already here (left as it is); imported at /p/${slug}: rename or merge them in /admin/pages`,
          ),
        );
      const page = await tx.page.create({
        data: {
          slug,
          title: post.title || "Untitled",
          bodyMarkdown,
          published: post.status === "published",
        },
        select: { id: true },
      });
      await tx.importedItem.create({
        data: { source: options.source, kind: "page", sourceId: post.sourceId, localId: page.id },
      });
      outcome.imported.pages++;
    }
    for (const comment of comments)
      outcome.skipped.push(line(comment, "comment", "comments on pages have nowhere to go here"));
    return outcome;
  }

  let postId: number;
  if (existing) {
    postId = existing.localId;
    outcome.unchanged.posts++;
  } else {
    const base = baseSlug(post);
    const slug = await freeSlug(tx, "post", base);
    if (slug !== base)
      outcome.warnings.push(
        line(post, "post", `the slug "${base}" belongs to a post already here; imported as "${slug}"`),
      );
    const created = await tx.post.create({
      data: {
        slug,
        title: post.title || "Untitled",
        bodyMarkdown,
        status: post.status,
        publishedAt: post.publishedAt,
        byline: post.authorName,
        authorId: options.authorId,
        labels: { connect: (await labelIds(tx, post.labels)).map((id) => ({ id })) },
      },
      select: { id: true },
    });
    postId = created.id;
    await tx.importedItem.create({
      data: { source: options.source, kind: "post", sourceId: post.sourceId, localId: postId },
    });
    outcome.imported.posts++;
    const ownPath = post.publishedAt ? postPath({ slug, publishedAt: post.publishedAt }) : null;
    outcome.imported.redirects += await keepOldPaths(tx, postId, post.oldPaths, ownPath);
  }
  await writeComments(tx, postId, post.publishedAt ?? new Date(), comments, texts, options, outcome);
  return outcome;
}

/**
 * Writes one post's comments (those not imported before), parents first, in batches;
 * the caller owns the transaction. Used per post by writeGroup and per thread by the
 * Disqus import, whose comments arrive across the file.
 */
export async function writeComments(
  tx: Tx,
  postId: number,
  postDate: Date,
  comments: ImportComment[],
  texts: Texts,
  options: WriteOptions,
  outcome: GroupOutcome,
): Promise<void> {
  const line = (item: ImportComment, reason: string) => reportLine(options.file, item, "comment", reason);
  const wanted = comments.filter((comment) => {
    // Held comments wait in the Held queue here too (docs/decisions/023).
    if (comment.state === "approved" || comment.state === "held") return true;
    if ((comment.state === "spam" || comment.state === "trash") && options.includeSpam) return true;
    outcome.skipped.push(line(comment, SKIP_REASONS[comment.state]));
    return false;
  });
  const { ordered, cycles } = orderParentsFirst(wanted);
  for (const comment of cycles)
    outcome.warnings.push(line(comment, "its replies form a loop; shown at the top level"));

  const inGroup = new Set(ordered.map((comment) => comment.sourceId));
  const outside = ordered.flatMap((comment) =>
    comment.parentSourceId && !inGroup.has(comment.parentSourceId) ? [comment.parentSourceId] : [],
  );
  // Positions by source id: comments imported before (a rerun, an earlier export) and
  // those written now, for the replies that follow them.
  const placed = await importedComments(tx, options.source, [...inGroup, ...outside]);
  let batch: ImportComment[] = [];
  const inBatch = new Set<string>();
  const flush = async () => {
    await insertComments(tx, postId, postDate, batch, placed, texts, options, outcome);
    batch = [];
    inBatch.clear();
  };
  for (const comment of ordered) {
    if (placed.has(comment.sourceId)) {
      outcome.unchanged.comments++;
      continue;
    }
    // Parents come first (orderParentsFirst): a reply waits only for its parent's batch.
    if ((comment.parentSourceId && inBatch.has(comment.parentSourceId)) || batch.length >= BATCH)
      await flush();
    if (comment.parentSourceId && !inGroup.has(comment.parentSourceId) && !placed.has(comment.parentSourceId))
      outcome.warnings.push(
        line(comment, `parent ${comment.parentSourceId} is not in the import; kept at the top level`),
      );
    batch.push(comment);
    inBatch.add(comment.sourceId);
  }
  await flush();
}

/** Rows per INSERT: well under either database's limit on bound values. */
const BATCH = 500;

/**
 * Inserts comments whose parents are all placed, in one statement, then remembers them.
 * The rows carry a temporary idempotency key so the ids the insert returns can be matched
 * to their comments (neither database promises RETURNING in VALUES order); imported
 * comments have no author, so the key cannot meet another row's (the unique index is on
 * author and key), and it is cleared before the transaction ends.
 */
async function insertComments(
  tx: Tx,
  postId: number,
  postDate: Date,
  comments: ImportComment[],
  placed: Map<string, { id: number } & ThreadPosition>,
  texts: Texts,
  options: WriteOptions,
  outcome: GroupOutcome,
): Promise<void> {
  if (comments.length === 0) return;
  const line = (item: ImportComment, reason: string) => reportLine(options.file, item, "comment", reason);
  const positions = new Map<string, ThreadPosition>();
  const data = comments.map((comment) => {
    const parent = comment.parentSourceId ? (placed.get(comment.parentSourceId) ?? null) : null;
    const position = threadPosition(parent);
    positions.set(comment.sourceId, position);
    const body = texts.comments.get(comment.sourceId) ?? htmlToCommentText(comment.html);
    if (body.length > COMMENT_MAX)
      outcome.warnings.push(
        line(
          comment,
          `text of ${body.length} characters is over the ${COMMENT_MAX} a comment may have; kept whole`,
        ),
      );
    if (!comment.createdAt)
      outcome.warnings.push(
        line(comment, `date "${comment.badDate}" unreadable or out of range; given the post's date`),
      );
    const createdAt = comment.createdAt ?? postDate;
    const spam = comment.state === "spam" || comment.state === "trash";
    const removed = spam ? "moderator" : comment.removed;
    return {
      postId,
      parentId: parent?.id ?? null,
      rootId: position.rootId,
      depth: position.depth,
      authorId: null,
      authorName: comment.authorName,
      body,
      createdAt,
      deletedAt: removed ? createdAt : null,
      deletedReason: removed,
      deletionNote: spam ? `Marked ${comment.state} in the ${options.source} export.` : null,
      status: comment.state === "held" ? "held" : "published",
      heldReasons: comment.state === "held" ? JSON.stringify(["imported"] satisfies HoldReason[]) : null,
      idempotencyKey: `${IMPORT_KEY}${comment.sourceId}`,
    };
  });
  const rows = await tx.comment.createManyAndReturn({ data, select: { id: true, idempotencyKey: true } });
  const ids = new Map(rows.map((row) => [row.idempotencyKey!.slice(IMPORT_KEY.length), row.id]));
  await tx.comment.updateMany({
    where: { id: { in: rows.map((row) => row.id) } },
    data: { idempotencyKey: null },
  });
  await tx.importedItem.createMany({
    data: comments.map((comment) => ({
      source: options.source,
      kind: "comment",
      sourceId: comment.sourceId,
      localId: ids.get(comment.sourceId)!,
    })),
  });
  for (const comment of comments) {
    placed.set(comment.sourceId, { id: ids.get(comment.sourceId)!, ...positions.get(comment.sourceId)! });
    outcome.imported.comments++;
    options.onComment?.(comment);
  }
}

const IMPORT_KEY = "import:";

const SKIP_REASONS: Record<Exclude<ImportComment["state"], "approved" | "held">, string> = {
  spam: "spam (--include-spam imports it as removed)",
  trash: "in the trash (--include-spam imports it as removed)",
  pingback: "a pingback or trackback, not a comment",
};

/** Comments imported earlier, by source id, with their thread positions. */
export async function importedComments(tx: Tx | DbClient, source: string, sourceIds: string[]) {
  const found = new Map<string, { id: number } & ThreadPosition>();
  for (let start = 0; start < sourceIds.length; start += 500) {
    const mapped = await tx.importedItem.findMany({
      where: { source, kind: "comment", sourceId: { in: sourceIds.slice(start, start + 500) } },
      select: { sourceId: true, localId: true },
    });
    if (mapped.length === 0) continue;
    const rows = await tx.comment.findMany({
      where: { id: { in: mapped.map((each) => each.localId) } },
      select: { id: true, rootId: true, depth: true },
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const each of mapped) {
      const row = byId.get(each.localId);
      if (row) found.set(each.sourceId, row);
    }
  }
  return found;
}

function baseSlug(post: ImportPost): string {
  return slugify(post.slug, SLUG_MAX) || slugify(post.title, SLUG_MAX) || post.kind;
}

/** The slug, or the first of slug-2, slug-3… not yet taken. */
export async function freeSlug(tx: Tx, kind: "post" | "page", base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : `-${n}`;
    const slug = base.slice(0, SLUG_MAX - suffix.length) + suffix;
    const taken =
      kind === "post"
        ? await tx.post.findUnique({ where: { slug }, select: { id: true } })
        : await tx.page.findUnique({ where: { slug }, select: { id: true } });
    if (!taken) return slug;
  }
}

/** Label ids by slug, creating the missing ones (inside the post's transaction). */
async function labelIds(tx: Tx, names: string[]): Promise<number[]> {
  const ids = new Set<number>();
  for (const raw of names) {
    const name = raw.normalize("NFC").replace(/\s+/g, " ").trim().slice(0, LABEL_MAX);
    const slug = slugify(name);
    if (!slug) continue;
    const label =
      (await tx.label.findFirst({ where: { OR: [{ slug }, { name }] }, select: { id: true } })) ??
      (await tx.label.create({ data: { name, slug }, select: { id: true } }));
    ids.add(label.id);
  }
  return [...ids];
}

/** Keeps each old path as a redirect to the post, unless it is the post's own path or already taken. */
export async function keepOldPaths(
  tx: Tx,
  postId: number,
  paths: string[],
  ownPath: string | null,
): Promise<number> {
  let kept = 0;
  for (const path of new Set(paths.map(redirectKey))) {
    if (path === ownPath) continue;
    const taken = await tx.postRedirect.findUnique({ where: { path }, select: { id: true } });
    if (taken) continue;
    await tx.postRedirect.create({ data: { path, postId } });
    kept++;
  }
  return kept;
}
