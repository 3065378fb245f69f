import type { DbClient } from "@/lib/db/client";
import { importJsonFile, looksLikeJson } from "@/lib/import/commonplace";
import { formatPosition, type FilePosition } from "@/lib/import/errors";
import { DISQUS_LABEL, isDisqusRoot, type UrlMapping } from "@/lib/import/disqus";
import { importDisqus } from "@/lib/import/disqus-run";
import type { ImageFetcher } from "@/lib/import/images";
import { detectFormat, FORMAT_LABELS, type Format } from "@/lib/import/formats";
import type { ImportComment, ImportPost, ImportRecord } from "@/lib/import/items";
import { newReport, reportLine, type ImportReport } from "@/lib/import/report";
import { writeGroup, type ImportGroup, type WriteOptions } from "@/lib/import/write";
import { readRoot, streamXml } from "@/lib/import/xml-stream";

export type ImportOptions = {
  file: string;
  db: DbClient;
  dryRun?: boolean;
  /** The account imported posts belong to (their byline stays the old author's name). */
  authorId?: string | null;
  includeSpam?: boolean;
  /** Disqus only: `--map old-prefix=new-prefix`, applied to thread addresses before matching. */
  mappings?: UrlMapping[];
  /** --fetch-images: copies the images imported posts show into the upload store. */
  images?: ImageFetcher;
  onComment?: WriteOptions["onComment"];
  /** Called after each post or page is written (or found), with items done and the file's total. */
  onProgress?: (done: number, total: number) => void;
};

/**
 * Imports an export file: detects its format, then reads it twice, streaming both times.
 * The first pass only counts each post's comments (and finds duplicate ids); the second
 * writes each post with all its comments in one transaction as soon as the last of them
 * has been read, so memory holds only posts whose comments are still to come, and a
 * failure loses that post alone. Throws an ImportError (with the file position) when the
 * file as a whole cannot be read; everything else is in the returned report.
 */
export async function importFile(options: ImportOptions): Promise<ImportReport> {
  const { file } = options;
  // Commonplace's own export is JSON lines, told from XML by its first character.
  if (await looksLikeJson(file)) return importJsonFile(options);
  const report = newReport(file, options.dryRun ?? false);
  const head = await readRoot(file);
  if (head && isDisqusRoot(head.root)) {
    // Comments only, for posts already here: a flow of its own (lib/import/disqus-run.ts).
    report.format = DISQUS_LABEL;
    await importDisqus({
      file,
      db: options.db,
      report,
      mappings: options.mappings ?? [],
      includeSpam: options.includeSpam ?? false,
      onComment: options.onComment,
    });
    return report;
  }
  const scan = await scanFile(file);
  report.format = FORMAT_LABELS[scan.format];

  const writeOptions: WriteOptions = {
    file,
    source: scan.source,
    authorId: options.authorId ?? null,
    includeSpam: options.includeSpam ?? false,
    onComment: options.onComment,
    images: options.images,
  };
  if (options.images && !report.dryRun) report.imagesFetched = 0;
  const pending = new Map<string, { post?: ImportPost; comments: ImportComment[] }>();
  const dead = new Set<string>();
  const seen = new Set<string>();
  const skip = (item: { sourceId: string; position: FilePosition }, what: string, reason: string) =>
    report.skipped.push(reportLine(file, item, what, reason));

  const total = scan.postIds.size + [...scan.commentCounts.values()].reduce((sum, count) => sum + count, 0);
  let done = 0;
  const flush = async (group: ImportGroup) => {
    done += 1 + group.comments.length;
    try {
      const outcome = await writeGroup(options.db, group, writeOptions, report.dryRun);
      for (const key of ["posts", "pages", "comments", "redirects"] as const)
        report.imported[key] += outcome.imported[key];
      for (const key of ["posts", "pages", "comments"] as const)
        report.unchanged[key] += outcome.unchanged[key];
      report.skipped.push(...outcome.skipped);
      report.warnings.push(...outcome.warnings);
      if (outcome.imagesFetched) report.imagesFetched = (report.imagesFetched ?? 0) + outcome.imagesFetched;
    } catch (error) {
      const message = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
      report.failed.push(
        reportLine(
          file,
          group.post,
          group.post.kind,
          `not written, with its ${group.comments.length} comments: ${message}`,
        ),
      );
    }
    options.onProgress?.(Math.min(done, total), total);
  };
  const groupOf = (postSourceId: string) => {
    let group = pending.get(postSourceId);
    if (!group) pending.set(postSourceId, (group = { comments: [] }));
    return group;
  };
  const flushIfComplete = async (postSourceId: string) => {
    const group = pending.get(postSourceId);
    if (!group?.post || group.comments.length < (scan.commentCounts.get(postSourceId) ?? 0)) return;
    pending.delete(postSourceId);
    await flush({ post: group.post, comments: group.comments });
  };
  const firstTime = (kind: string, item: { sourceId: string; position: FilePosition }) => {
    const key = `${kind}\u0000${item.sourceId}`;
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    const first = scan.firstSeen.get(key);
    skip(item, kind, `duplicate id${first ? `; first at ${formatPosition(file, first)}` : ""}`);
    return false;
  };
  const addComment = async (comment: ImportComment) => {
    if (!firstTime("comment", comment)) return;
    if (dead.has(comment.postSourceId) || !scan.postIds.has(comment.postSourceId)) {
      skip(comment, "comment", `its post ${comment.postSourceId || "(none)"} is not imported`);
      return;
    }
    groupOf(comment.postSourceId).comments.push(comment);
    await flushIfComplete(comment.postSourceId);
  };

  await streamXml(file, {
    onRoot: () => scan.formatter.shape,
    onHeader: (node) => scan.formatter.header(node),
    async onRecord(node) {
      const record = scan.formatter.read(node);
      if (record.type === "ignored") {
        report.ignored[record.what] = (report.ignored[record.what] ?? 0) + 1;
        if (record.what === "post" || record.what === "page") skip(record, record.what, record.reason);
        return;
      }
      if (record.type === "comment") return addComment(record.comment);
      const { post } = record;
      if (!firstTime("post", post)) return;
      if (!post.publishedAt && post.status === "published") {
        dead.add(post.sourceId);
        skip(post, post.kind, `date "${post.badDate}" unreadable or out of range (1970–9999)`);
        for (const comment of pending.get(post.sourceId)?.comments ?? [])
          skip(comment, "comment", "its post was skipped");
        pending.delete(post.sourceId);
        return;
      }
      groupOf(post.sourceId).post = post;
      // WordPress items carry their comments; Blogger's come as entries of their own.
      for (const comment of record.comments) await addComment(comment);
      await flushIfComplete(post.sourceId);
    },
  });

  for (const [postSourceId, group] of pending) {
    if (group.post) await flush({ post: group.post, comments: group.comments });
    else
      for (const comment of group.comments)
        skip(comment, "comment", `its post ${postSourceId} is not in the file`);
  }
  return report;
}

type Scan = {
  format: Format["name"];
  source: Format["source"];
  formatter: Format;
  /** Source ids of the file's posts and pages. */
  postIds: Set<string>;
  /** Comments per post, first occurrences only: a post is written once it has them all. */
  commentCounts: Map<string, number>;
  firstSeen: Map<string, FilePosition>;
};

/** The first pass: the format, and what the second pass needs to know in advance. */
async function scanFile(file: string): Promise<Scan> {
  let formatter: Format | null = null;
  const postIds = new Set<string>();
  const commentCounts = new Map<string, number>();
  const firstSeen = new Map<string, FilePosition>();
  const first = (kind: string, item: { sourceId: string; position: FilePosition }) => {
    const key = `${kind}\u0000${item.sourceId}`;
    if (firstSeen.has(key)) return false;
    firstSeen.set(key, item.position);
    return true;
  };
  const countComment = (comment: ImportComment) => {
    if (first("comment", comment))
      commentCounts.set(comment.postSourceId, (commentCounts.get(comment.postSourceId) ?? 0) + 1);
  };
  await streamXml(file, {
    onRoot(root, position) {
      formatter = detectFormat(root, position);
      return formatter.shape;
    },
    onHeader: (node) => formatter?.header(node),
    onRecord(node) {
      const record: ImportRecord = formatter!.read(node);
      if (record.type === "comment") countComment(record.comment);
      if (record.type === "post" && first("post", record.post)) {
        postIds.add(record.post.sourceId);
        record.comments.forEach(countComment);
      }
    },
  });
  const found = formatter as Format | null;
  if (!found) throw new Error("unreachable: a file with a root element has a format");
  return { format: found.name, source: found.source, formatter: found, postIds, commentCounts, firstSeen };
}
