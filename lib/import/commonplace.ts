import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { threadPosition, type ThreadPosition } from "@/lib/comments/tree";
import type { DbClient } from "@/lib/db/client";
import {
  EndSchema,
  HeaderSchema,
  RecordSchema,
  type JsonComment,
  type JsonPage,
  type JsonPost,
  type JsonRecord,
} from "@/lib/export/commonplace-json";
import { COMMONPLACE_SOURCE } from "@/lib/export/json";
import { ImportError, type FilePosition } from "@/lib/import/errors";
import { newReport, reportLine, type ImportReport } from "@/lib/import/report";
import type { ImportOptions } from "@/lib/import/run";
import {
  freeSlug,
  importedComments,
  keepOldPaths,
  TRANSACTION_TIMEOUT_MS,
  type Tx,
} from "@/lib/import/write";
import { slugify } from "@/lib/text/slugify";
import { LABEL_MAX } from "@/lib/validations/post";

export const COMMONPLACE_LABEL = "Commonplace JSON";

/** A line longer than this is refused (a post body is at most 200,000 characters; JSON escapes add some). */
const LINE_MAX = 4_000_000;

/** Whether the file starts like a JSON value ("{" after a BOM and blank space): Commonplace JSON. */
export async function looksLikeJson(file: string): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    return /^\uFEFF?\s*\{/.test(buffer.subarray(0, bytesRead).toString("utf8"));
  } finally {
    await handle.close();
  }
}

type Line = { record: JsonRecord; position: FilePosition };

/** The file's records after the header, a line at a time, each validated (an ImportError names the line). */
async function* readLines(file: string): AsyncGenerator<Line> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let number = 0;
  let ended = false;
  for await (const raw of lines) {
    number++;
    const position = { line: number, column: 1 };
    const text = number === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    if (!text.trim()) continue;
    if (ended)
      throw new ImportError("Lines after the end record: the file was put together wrongly.", position);
    if (text.length > LINE_MAX)
      throw new ImportError(`A line of ${text.length} characters is over the ${LINE_MAX} allowed.`, position);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ImportError(`Not JSON: ${error instanceof Error ? error.message : String(error)}`, position);
    }
    if (number === 1) {
      const header = HeaderSchema.safeParse(value);
      if (!header.success)
        throw new ImportError(
          `Not a Commonplace JSON export (version 1) header: ${issue(header.error)}`,
          position,
        );
      continue;
    }
    const record = RecordSchema.safeParse(value);
    if (!record.success) throw new ImportError(`Not a valid record: ${issue(record.error)}`, position);
    if (record.data.type === "end") ended = true;
    yield { record: record.data, position };
  }
  if (!ended)
    throw new ImportError(
      "The file ends before its end record: it was cut short (an interrupted download or copy).",
      { line: number, column: 1 },
    );
}

function issue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  return first ? `${first.path.map(String).join(".") || "(line)"}: ${first.message}` : "invalid";
}

/**
 * The first pass: every line read and validated, comments after their post, the end
 * record's counts matching what came before. A file that fails here writes nothing.
 */
async function checkFile(file: string): Promise<number> {
  const counts = { labels: 0, pages: 0, posts: 0, comments: 0 };
  let post: string | null = null;
  for await (const { record, position } of readLines(file)) {
    if (record.type === "comment") {
      if (record.post !== post)
        throw new ImportError(`Comment ${record.id} is not after its post ${record.post}.`, position);
      counts.comments++;
    } else if (record.type === "end") {
      const expected = EndSchema.parse(record);
      for (const key of ["labels", "pages", "posts", "comments"] as const)
        if (expected[key] !== counts[key])
          throw new ImportError(
            `The end record counts ${expected[key]} ${key}, the file has ${counts[key]}.`,
            position,
          );
    } else {
      post = record.type === "post" ? record.id : null;
      counts[`${record.type}s`]++;
    }
  }
  return counts.posts + counts.pages + counts.comments;
}

/**
 * Imports a Commonplace JSON export: everything as it was (Markdown, dates, counts,
 * statuses, deletion fields), ids mapped to new local ones and remembered in
 * ImportedItem (source "commonplace"), so importing it again changes nothing. One
 * transaction per post with its comments (a post's comments follow it in the file, so
 * memory holds one post's thread), one per page.
 */
export async function importJsonFile(options: ImportOptions): Promise<ImportReport> {
  const { file, db } = options;
  const dryRun = options.dryRun ?? false;
  const report = newReport(file, dryRun);
  report.format = COMMONPLACE_LABEL;
  const total = await checkFile(file);
  let done = 0;
  const progress = (count: number) => {
    done += count;
    options.onProgress?.(done, total);
  };
  const labelNames = new Map<string, string>();
  let group: { post: JsonPost; position: FilePosition; comments: Line[] } | null = null;

  const run = async (
    item: { id: string; position: FilePosition },
    what: string,
    write: (tx: Tx) => Promise<number>,
  ) => {
    try {
      await transaction(db, dryRun, write);
    } catch (error) {
      const message = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
      report.failed.push(
        reportLine(file, { sourceId: item.id, position: item.position }, what, `not written: ${message}`),
      );
    }
  };
  const flush = async () => {
    if (!group) return;
    const { post, position, comments } = group;
    group = null;
    await run({ id: post.id, position }, "post", (tx) =>
      writePost(tx, post, position, comments, labelNames, options, report),
    );
    progress(1 + comments.length);
  };

  for await (const line of readLines(file)) {
    const { record, position } = line;
    if (record.type === "comment") {
      group!.comments.push(line);
      continue;
    }
    await flush();
    if (record.type === "label") {
      labelNames.set(record.slug, record.name);
      if (!dryRun) await labelId(db, record.slug, labelNames);
    } else if (record.type === "page") {
      await run({ id: record.id, position }, "page", (tx) => writePage(tx, record, report));
      progress(1);
    } else if (record.type === "post") {
      group = { post: record, position, comments: [] };
    }
  }
  await flush();
  return report;
}

class DryRunRollback extends Error {}

async function transaction(db: DbClient, dryRun: boolean, write: (tx: Tx) => Promise<unknown>) {
  try {
    await db.$transaction(
      async (tx) => {
        await write(tx);
        if (dryRun) throw new DryRunRollback();
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
}

async function imported(tx: Tx, kind: string, sourceId: string) {
  return tx.importedItem.findUnique({
    where: { source_kind_sourceId: { source: COMMONPLACE_SOURCE, kind, sourceId } },
    select: { localId: true },
  });
}

/** The item's own id and the origins it carried (Blogger, WordPress…), kept unless already known. */
async function remember(
  tx: Tx,
  kind: string,
  item: { id: string; origins: JsonPost["origins"] },
  localId: number,
) {
  await tx.importedItem.create({ data: { source: COMMONPLACE_SOURCE, kind, sourceId: item.id, localId } });
  for (const origin of item.origins) {
    const known = await tx.importedItem.findUnique({
      where: { source_kind_sourceId: { source: origin.source, kind, sourceId: origin.sourceId } },
      select: { id: true },
    });
    if (!known) await tx.importedItem.create({ data: { ...origin, kind, localId } });
  }
}

async function writePage(tx: Tx, page: JsonPage, report: ImportReport): Promise<number> {
  if (await imported(tx, "page", page.id)) {
    report.unchanged.pages++;
    return 0;
  }
  const created = await tx.page.create({
    data: {
      slug: await freeSlug(tx, "page", page.slug),
      title: page.title,
      bodyMarkdown: page.bodyMarkdown,
      navOrder: page.navOrder,
      published: page.published,
      createdAt: new Date(page.createdAt),
      updatedAt: new Date(page.updatedAt),
    },
    select: { id: true },
  });
  await remember(tx, "page", page, created.id);
  report.imported.pages++;
  return 1;
}

/** A label by slug, created (with the name its label line gave) when missing. */
async function labelId(
  tx: Pick<Tx, "label">,
  slug: string,
  names: Map<string, string>,
): Promise<number | null> {
  const name = (names.get(slug) ?? slug).slice(0, LABEL_MAX);
  const clean = slugify(slug) === slug ? slug : slugify(name);
  if (!clean) return null;
  const found = await tx.label.findFirst({
    where: { OR: [{ slug: clean }, { name }] },
    select: { id: true },
  });
  return (found ?? (await tx.label.create({ data: { name, slug: clean }, select: { id: true } }))).id;
}

async function writePost(
  tx: Tx,
  post: JsonPost,
  position: FilePosition,
  comments: Line[],
  labelNames: Map<string, string>,
  options: ImportOptions,
  report: ImportReport,
): Promise<number> {
  const at = (sourceId: string, where: FilePosition) => ({ sourceId, position: where });
  let postId: number;
  const existing = await imported(tx, "post", post.id);
  if (existing) {
    postId = existing.localId;
    report.unchanged.posts++;
  } else {
    const slug = await freeSlug(tx, "post", post.slug);
    if (slug !== post.slug)
      report.warnings.push(
        reportLine(
          options.file,
          at(post.id, position),
          "post",
          `slug "${post.slug}" is taken here; stored as "${slug}"`,
        ),
      );
    const labels: number[] = [];
    for (const label of post.labels) {
      const id = await labelId(tx, label, labelNames);
      if (id !== null) labels.push(id);
    }
    const created = await tx.post.create({
      data: {
        slug,
        title: post.title,
        standfirst: post.standfirst,
        byline: post.byline,
        sourceName: post.sourceName,
        coverImageUrl: post.coverImageUrl,
        coverImageAlt: post.coverImageAlt,
        coverImageCaption: post.coverImageCaption,
        bodyMarkdown: post.bodyMarkdown,
        status: post.status,
        publishedAt: post.publishedAt ? new Date(post.publishedAt) : null,
        commentsEnabled: post.commentsEnabled,
        viewCount: post.viewCount,
        shareCount: post.shareCount,
        createdAt: new Date(post.createdAt),
        updatedAt: new Date(post.updatedAt),
        authorId: options.authorId ?? null,
        labels: { connect: [...new Set(labels)].map((id) => ({ id })) },
      },
      select: { id: true },
    });
    postId = created.id;
    await remember(tx, "post", post, postId);
    report.imported.posts++;
    report.imported.redirects += await keepOldPaths(tx, postId, post.redirects, null);
  }
  await writeComments(tx, postId, comments, options, report);
  return 1;
}

const BATCH = 500;
const IMPORT_KEY = "import:";

/** A post's comments, parents first as the file has them, inserted up to 500 a statement. */
async function writeComments(
  tx: Tx,
  postId: number,
  lines: Line[],
  options: ImportOptions,
  report: ImportReport,
) {
  // Comments of this post imported earlier (a second run), with their thread positions.
  const placed = await importedComments(tx, COMMONPLACE_SOURCE, [
    ...new Set(
      lines.flatMap(({ record }) =>
        record.type === "comment" ? [record.id, ...(record.parent ? [record.parent] : [])] : [],
      ),
    ),
  ]);
  const seen = new Set<string>();
  let batch: { comment: JsonComment; position: FilePosition }[] = [];
  const inBatch = new Set<string>();
  const flush = async () => {
    await insertComments(tx, postId, batch, placed);
    report.imported.comments += batch.length;
    batch = [];
    inBatch.clear();
  };
  for (const { record, position } of lines) {
    const comment = record as JsonComment;
    const line = (reason: string) =>
      reportLine(options.file, { sourceId: comment.id, position }, "comment", reason);
    if (seen.has(comment.id)) {
      report.skipped.push(line("duplicate id"));
      continue;
    }
    seen.add(comment.id);
    if (placed.has(comment.id)) {
      report.unchanged.comments++;
      continue;
    }
    if (comment.parent && !seen.has(comment.parent) && !placed.has(comment.parent)) {
      report.warnings.push(
        line(`parent ${comment.parent} is not before it in the file; kept at the top level`),
      );
      comment.parent = null;
    }
    if ((comment.parent && inBatch.has(comment.parent)) || batch.length >= BATCH) await flush();
    batch.push({ comment, position });
    inBatch.add(comment.id);
  }
  await flush();
}

async function insertComments(
  tx: Tx,
  postId: number,
  batch: { comment: JsonComment }[],
  placed: Map<string, { id: number } & ThreadPosition>,
) {
  if (batch.length === 0) return;
  const positions = new Map<string, ThreadPosition>();
  const date = (text: string | null) => (text ? new Date(text) : null);
  const data = batch.map(({ comment }) => {
    const parent = comment.parent ? (placed.get(comment.parent) ?? null) : null;
    const position = threadPosition(parent);
    positions.set(comment.id, position);
    return {
      postId,
      parentId: parent?.id ?? null,
      rootId: position.rootId,
      depth: position.depth,
      authorId: null,
      authorName: comment.authorName,
      body: comment.body,
      createdAt: new Date(comment.createdAt),
      editedAt: date(comment.editedAt),
      status: comment.status,
      heldReasons: comment.heldReasons ? JSON.stringify(comment.heldReasons) : null,
      deletedAt: date(comment.deletedAt),
      deletedReason: comment.deletedReason,
      deletionNote: comment.deletionNote,
      // Matches the returned ids to their comments; cleared below (lib/import/write.ts says why).
      idempotencyKey: `${IMPORT_KEY}${comment.id}`,
    };
  });
  const rows = await tx.comment.createManyAndReturn({ data, select: { id: true, idempotencyKey: true } });
  const ids = new Map(rows.map((row) => [row.idempotencyKey!.slice(IMPORT_KEY.length), row.id]));
  await tx.comment.updateMany({
    where: { id: { in: rows.map((row) => row.id) } },
    data: { idempotencyKey: null },
  });
  await rememberMany(
    tx,
    "comment",
    batch.map(({ comment }) => ({ ...comment, localId: ids.get(comment.id)! })),
  );
  for (const { comment } of batch)
    placed.set(comment.id, { id: ids.get(comment.id)!, ...positions.get(comment.id)! });
}

/** remember() for a batch of comments, in a few statements instead of a few per comment. */
async function rememberMany(
  tx: Tx,
  kind: string,
  items: { id: string; origins: JsonComment["origins"]; localId: number }[],
) {
  await tx.importedItem.createMany({
    data: items.map((item) => ({
      source: COMMONPLACE_SOURCE,
      kind,
      sourceId: item.id,
      localId: item.localId,
    })),
  });
  const origins = new Map<string, { source: string; sourceId: string; localId: number }>();
  for (const item of items)
    for (const origin of item.origins)
      origins.set(`${origin.source}\u0000${origin.sourceId}`, { ...origin, localId: item.localId });
  if (origins.size === 0) return;
  const known = await tx.importedItem.findMany({
    where: { kind, OR: [...origins.values()].map(({ source, sourceId }) => ({ source, sourceId })) },
    select: { source: true, sourceId: true },
  });
  for (const each of known) origins.delete(`${each.source}\u0000${each.sourceId}`);
  await tx.importedItem.createMany({ data: [...origins.values()].map((origin) => ({ ...origin, kind })) });
}
