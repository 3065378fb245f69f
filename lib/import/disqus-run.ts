import type { DbClient } from "@/lib/db/client";
import { formatPosition, type FilePosition } from "@/lib/import/errors";
import {
  DISQUS_SHAPE,
  mapLink,
  readDisqusRecord,
  type DisqusThread,
  type UrlMapping,
} from "@/lib/import/disqus";
import { matchThreads, type Target } from "@/lib/import/disqus-match";
import type { ImportComment } from "@/lib/import/items";
import { reportLine, type ImportReport } from "@/lib/import/report";
import { writeComments, type GroupOutcome, type Tx, type WriteOptions } from "@/lib/import/write";
import { streamXml } from "@/lib/import/xml-stream";

export type DisqusOptions = {
  file: string;
  db: DbClient;
  report: ImportReport;
  mappings: readonly UrlMapping[];
  includeSpam: boolean;
  onComment?: WriteOptions["onComment"];
};

/** What the first pass keeps of each comment: ids only, never a message. */
type CommentMeta = { thread: string; parent: string | null; spam: boolean };

/** Comments per transaction: big enough to be quick, small enough to lose little on a failure. */
const BATCH = 500;

/**
 * Imports a Disqus export's comments into the posts its threads point at. Disqus writes
 * every thread before every comment, and a thread's comments are spread over the file, so
 * writing "a post with all its comments at once" (run.ts) would hold the whole file in
 * memory. Instead the first pass keeps only ids (threads with their links, each comment's
 * thread and parent); the threads are matched to posts; the second pass writes comments
 * in file order, 500 to a transaction, a reply waiting in memory only while its parent
 * (further down the file) is still to come. Idempotent through ImportedItem like the rest.
 */
export async function importDisqus(options: DisqusOptions): Promise<void> {
  const { file, db, report } = options;
  const scan = await scanDisqus(file);
  const targets = await matchThreads(db, scan.threads, options.mappings);

  const line = (item: { sourceId: string; position: FilePosition }, what: string, reason: string) =>
    reportLine(file, item, what, reason);
  for (const thread of scan.threads.values()) {
    if (targets.has(thread.sourceId)) continue;
    const count = scan.commentsPerThread.get(thread.sourceId) ?? 0;
    if (count === 0) {
      report.ignored["thread without comments"] = (report.ignored["thread without comments"] ?? 0) + 1;
      continue;
    }
    const tried = mapLink(thread.link, options.mappings);
    report.skipped.push(
      line(
        thread,
        "thread",
        `${thread.link || "(no link)"}${tried !== thread.link ? ` (mapped to ${tried})` : ""} matches no post here; its ${count === 1 ? "comment was" : `${count} comments were`} not imported`,
      ),
    );
  }

  // Comments that will be written: those of matched threads, spam only when asked for.
  const writable = (id: string) => {
    const meta = scan.comments.get(id);
    return !!meta && targets.has(meta.thread) && (!meta.spam || options.includeSpam);
  };
  const queued = new Set<string>();
  const failed = new Set<string>();
  const waiting = new Map<string, ImportComment[]>();
  const seen = new Set<string>();
  let batch: ImportComment[] = [];

  const writeOptions: WriteOptions = {
    file,
    source: "disqus",
    authorId: null,
    includeSpam: options.includeSpam,
    onComment: options.onComment,
  };
  const writeBatch = async (tx: Tx, comments: ImportComment[]) => {
    const outcome: GroupOutcome = {
      imported: { posts: 0, pages: 0, comments: 0, redirects: 0 },
      unchanged: { posts: 0, pages: 0, comments: 0 },
      skipped: [],
      warnings: [],
    };
    // Two threads may be the same post (http and https addresses): grouped by post.
    const byPost = new Map<number, { target: Target; comments: ImportComment[] }>();
    for (const comment of comments) {
      const target = targets.get(comment.postSourceId)!;
      const group = byPost.get(target.postId);
      if (group) group.comments.push(comment);
      else byPost.set(target.postId, { target, comments: [comment] });
    }
    for (const { target, comments: list } of byPost.values())
      await writeComments(
        tx,
        target.postId,
        target.publishedAt,
        list,
        { body: null, comments: new Map() },
        writeOptions,
        outcome,
      );
    return outcome;
  };
  const addOutcome = (outcome: GroupOutcome) => {
    report.imported.comments += outcome.imported.comments;
    report.unchanged.comments += outcome.unchanged.comments;
    report.skipped.push(...outcome.skipped);
    report.warnings.push(...outcome.warnings);
  };

  let dryRunTx: Tx | null = null;
  const flush = async () => {
    if (batch.length === 0) return;
    const comments = batch;
    batch = [];
    if (dryRunTx) {
      addOutcome(await writeBatch(dryRunTx, comments));
      return;
    }
    try {
      addOutcome(
        await db.$transaction((tx) => writeBatch(tx, comments), { timeout: 10 * 60_000, maxWait: 30_000 }),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message.trim().split("\n").at(-1) : String(error);
      for (const comment of comments) {
        failed.add(comment.sourceId);
        report.failed.push(
          line(comment, "comment", `not written, with its batch of ${comments.length}: ${message}`),
        );
      }
    }
  };

  /** Queues a comment whose parent is written (or will not be), then the replies that waited for it. */
  const enqueue = async (first: ImportComment) => {
    const ready = [first];
    while (ready.length > 0) {
      const comment = ready.pop()!;
      if (comment.parentSourceId && failed.has(comment.parentSourceId)) {
        failed.add(comment.sourceId);
        report.failed.push(
          line(comment, "comment", `its parent ${comment.parentSourceId} could not be written`),
        );
      } else {
        queued.add(comment.sourceId);
        batch.push(comment);
      }
      ready.push(...(waiting.get(comment.sourceId) ?? []));
      waiting.delete(comment.sourceId);
    }
    if (batch.length >= BATCH) await flush();
  };

  const secondPass = async () =>
    streamXml(file, {
      onRoot: () => DISQUS_SHAPE,
      async onRecord(node) {
        const record = readDisqusRecord(node);
        if (record.type === "ignored") {
          report.ignored[record.what] = (report.ignored[record.what] ?? 0) + 1;
          return;
        }
        if (record.type === "thread") return;
        const { comment } = record;
        if (seen.has(comment.sourceId)) {
          const first = scan.firstSeen.get(comment.sourceId);
          report.skipped.push(
            line(
              comment,
              "comment",
              `duplicate id${first ? `; first at ${formatPosition(file, first)}` : ""}`,
            ),
          );
          return;
        }
        seen.add(comment.sourceId);
        if (!targets.has(record.threadId)) {
          if (!scan.threads.has(record.threadId))
            report.skipped.push(
              line(comment, "comment", `its thread ${record.threadId || "(none)"} is not in the file`),
            );
          return; // Comments of an unmatched thread are reported once, with their thread.
        }
        comment.postSourceId = record.threadId;
        const parent = comment.parentSourceId;
        // A reply whose parent is further down the file waits for it; any other goes now
        // (a parent not written at all puts it at the top level, reported by the writer).
        if (parent && writable(parent) && !queued.has(parent) && !failed.has(parent)) {
          const list = waiting.get(parent);
          if (list) list.push(comment);
          else waiting.set(parent, [comment]);
          return;
        }
        await enqueue(comment);
      },
    });

  const finish = async () => {
    // Left waiting only in a loop of parents (A answers B, B answers A): the writer breaks it.
    for (const comments of waiting.values()) batch.push(...comments);
    waiting.clear();
    await flush();
  };

  if (report.dryRun) {
    // One transaction over the whole run, rolled back: later batches still find the
    // comments earlier ones "wrote", so the report is the one a real run would give.
    await db
      .$transaction(
        async (tx) => {
          dryRunTx = tx;
          await secondPass();
          await finish();
          throw new DryRunRollback();
        },
        { timeout: 60 * 60_000, maxWait: 30_000 },
      )
      .catch((error: unknown) => {
        if (!(error instanceof DryRunRollback)) throw error;
      });
  } else {
    await secondPass();
    await finish();
  }
}

class DryRunRollback extends Error {}

type DisqusScan = {
  threads: Map<string, DisqusThread>;
  comments: Map<string, CommentMeta>;
  commentsPerThread: Map<string, number>;
  firstSeen: Map<string, FilePosition>;
};

async function scanDisqus(file: string): Promise<DisqusScan> {
  const scan: DisqusScan = {
    threads: new Map(),
    comments: new Map(),
    commentsPerThread: new Map(),
    firstSeen: new Map(),
  };
  await streamXml(file, {
    onRoot: () => DISQUS_SHAPE,
    onRecord(node) {
      const record = readDisqusRecord(node);
      if (record.type === "thread" && !scan.threads.has(record.thread.sourceId))
        scan.threads.set(record.thread.sourceId, record.thread);
      if (record.type !== "post" || scan.firstSeen.has(record.comment.sourceId)) return;
      const { comment } = record;
      scan.firstSeen.set(comment.sourceId, comment.position);
      scan.comments.set(comment.sourceId, {
        thread: record.threadId,
        parent: comment.parentSourceId,
        spam: record.spam,
      });
      scan.commentsPerThread.set(record.threadId, (scan.commentsPerThread.get(record.threadId) ?? 0) + 1);
    },
  });
  return scan;
}
