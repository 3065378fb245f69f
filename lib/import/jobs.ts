import "server-only";
import { rm } from "node:fs/promises";
import type { DbClient } from "@/lib/db/client";
import { ImportError } from "@/lib/import/errors";
import type { ImportReport } from "@/lib/import/report";
import { importFile } from "@/lib/import/run";

/**
 * Imports started from /admin/move run in the server process that took the upload; their
 * progress lives in an ImportJob row, so whichever instance serves the status page can
 * show it. One at a time: the running job holds the unique `runningKey`.
 */
const RUNNING = "running";
/** A job still "running" after this long belongs to a process that died: its slot is freed. */
const ABANDONED_MS = 6 * 60 * 60_000;
/** Progress is written at most this often (each write is a statement). */
const PROGRESS_EVERY_MS = 500;

export type ImportJobView = {
  id: number;
  state: "running" | "done" | "failed";
  fileName: string;
  dryRun: boolean;
  done: number;
  total: number;
  report: ImportReport | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

/** Takes the one import slot, or says another import is running. */
export async function claimImportJob(
  db: DbClient,
  job: { fileName: string; dryRun: boolean; startedById: string },
): Promise<{ ok: true; id: number } | { ok: false; reason: "busy"; runningId: number | null }> {
  await db.importJob.updateMany({
    where: { runningKey: RUNNING, startedAt: { lt: new Date(Date.now() - ABANDONED_MS) } },
    data: { runningKey: null, state: "failed", error: "Abandoned: the server stopped while it ran." },
  });
  try {
    const row = await db.importJob.create({
      data: { ...job, fileName: job.fileName.slice(0, 200), runningKey: RUNNING },
      select: { id: true },
    });
    return { ok: true, id: row.id };
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    const running = await db.importJob.findUnique({ where: { runningKey: RUNNING }, select: { id: true } });
    return { ok: false, reason: "busy", runningId: running?.id ?? null };
  }
}

/**
 * Runs a claimed job to its end (never throws): progress as it goes, then the report or
 * the error, the slot freed and the uploaded file removed. `changed` runs when something
 * was written (the caller expires cached pages).
 */
export async function runImportJob(
  db: DbClient,
  id: number,
  options: { file: string; dryRun: boolean; authorId: string | null; changed: () => void | Promise<void> },
): Promise<void> {
  let last = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const onProgress = (done: number, total: number) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && done < total) return;
    last = now;
    writing = writing.then(() =>
      db.importJob.update({ where: { id }, data: { done, total } }).catch(() => {}),
    );
  };
  try {
    const report = await importFile({
      file: options.file,
      db,
      dryRun: options.dryRun,
      authorId: options.authorId,
      onProgress,
    });
    await writing;
    await db.importJob.update({
      where: { id },
      data: {
        state: "done",
        runningKey: null,
        finishedAt: new Date(),
        report: JSON.stringify(withoutTempPath(report, options.file)),
      },
    });
    const wrote = report.imported.posts + report.imported.pages + report.imported.comments > 0;
    if (wrote && !report.dryRun) await options.changed();
  } catch (error) {
    await writing;
    const message =
      error instanceof ImportError
        ? `Line ${error.position.line}, column ${error.position.column}: ${error.message}`
        : "The import stopped on an unexpected error; the server log has it. Posts written before it are kept.";
    if (!(error instanceof ImportError)) console.error(error);
    await db.importJob
      .update({
        where: { id },
        data: { state: "failed", runningKey: null, finishedAt: new Date(), error: message },
      })
      .catch(() => {});
  } finally {
    await rm(options.file, { force: true });
  }
}

/** The report with "line:column" where the temporary file's path was (it means nothing to the admin). */
function withoutTempPath(report: ImportReport, file: string): ImportReport {
  const strip = (lines: ImportReport["skipped"]) =>
    lines.map((line) => ({
      ...line,
      at: line.at.startsWith(`${file}:`) ? line.at.slice(file.length + 1) : line.at,
    }));
  return {
    ...report,
    file: "upload",
    skipped: strip(report.skipped),
    warnings: strip(report.warnings),
    failed: strip(report.failed),
  };
}

export async function getImportJob(db: DbClient, id: number): Promise<ImportJobView | null> {
  const row = await db.importJob.findUnique({
    where: { id },
    select: {
      id: true,
      state: true,
      fileName: true,
      dryRun: true,
      done: true,
      total: true,
      report: true,
      error: true,
      startedAt: true,
      finishedAt: true,
    },
  });
  if (!row) return null;
  return {
    ...row,
    state: row.state === "done" || row.state === "failed" ? row.state : "running",
    report: row.report ? (JSON.parse(row.report) as ImportReport) : null,
  };
}

/** The latest jobs, newest first, for the page's list. */
export async function recentImportJobs(db: DbClient, take = 5) {
  return db.importJob.findMany({
    orderBy: { id: "desc" },
    take,
    select: { id: true, state: true, fileName: true, dryRun: true, startedAt: true },
  });
}
