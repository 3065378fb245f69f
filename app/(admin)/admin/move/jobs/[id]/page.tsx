import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { getImportJob } from "@/lib/import/jobs";
import type { ReportLine } from "@/lib/import/report";
import { JobIdSchema } from "@/lib/validations/move";

export const metadata: Metadata = { title: "Import", robots: { index: false } };

type JobPageProps = { params: Promise<{ id: string }> };

/** Seconds between reloads while the import runs. */
const REFRESH_SECONDS = 2;

/**
 * An import's progress, then its report. The server writes progress to the job's row
 * (lib/import/jobs.ts); while it runs this page reloads itself every few seconds (a meta
 * refresh: no JavaScript needed) and offers a link to do it by hand.
 */
export default async function ImportJobPage({ params }: JobPageProps) {
  const user = await requireUser("/admin/move");
  if (!can(user, "edit:settings")) notFound();
  const id = JobIdSchema.safeParse((await params).id);
  const job = id.success ? await getImportJob(db, id.data) : null;
  if (!job) notFound();
  const percent = job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  const report = job.report;
  return (
    <>
      {job.state === "running" ? <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} /> : null}
      <h1 className="mb-2 font-serif text-3xl font-bold">
        {job.dryRun ? "Dry run of " : "Import of "}
        <bdi>{job.fileName}</bdi>
      </h1>
      <p className="mb-6 text-sm">
        <Link href="/admin/move" className="link">
          Back to import and export
        </Link>
      </p>

      {job.state === "running" ? (
        <section aria-labelledby="progress-label" className="max-w-xl">
          <p id="progress-label" className="mb-2 font-semibold">
            Importing…
          </p>
          <progress
            aria-labelledby="progress-label"
            value={job.done}
            max={Math.max(job.total, 1)}
            className="h-4 w-full"
          />
          <p role="status" className="mt-2 text-sm">
            {job.total > 0
              ? `${job.done.toLocaleString("en-US")} of ${job.total.toLocaleString("en-US")} posts, pages and comments (${percent}%)`
              : "Reading the file…"}
          </p>
          <p className="mt-2 text-sm">
            This page reloads every {REFRESH_SECONDS} seconds.{" "}
            <Link href={`/admin/move/jobs/${job.id}`} className="link">
              Reload now
            </Link>
          </p>
        </section>
      ) : null}

      {job.state === "failed" ? (
        <section role="alert" className="max-w-2xl rounded border border-danger p-4">
          <h2 className="mb-1 font-bold">The import stopped</h2>
          <p className="text-sm">
            <bdi>{job.error}</bdi>
          </p>
          <p className="mt-1 text-sm text-muted">
            A file that cannot be read is refused before anything is written.
          </p>
        </section>
      ) : null}

      {job.state === "done" && report ? (
        <section aria-labelledby="report-heading" className="max-w-3xl">
          <h2 id="report-heading" className="mb-2 text-xl font-bold">
            {report.dryRun ? "Dry run finished: nothing was written" : "Import finished"}
          </h2>
          <p className="mb-4 text-sm text-muted">{report.format}</p>
          <dl className="mb-6 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-semibold">{report.dryRun ? "Would import" : "Imported"}</dt>
            <dd>
              {report.imported.posts} posts, {report.imported.pages} pages, {report.imported.comments}{" "}
              comments, {report.imported.redirects} old addresses
            </dd>
            <dt className="font-semibold">Already there</dt>
            <dd>
              {report.unchanged.posts} posts, {report.unchanged.pages} pages, {report.unchanged.comments}{" "}
              comments
            </dd>
            <dt className="font-semibold">Skipped, warnings, failed</dt>
            <dd>
              {report.skipped.length}, {report.warnings.length}, {report.failed.length}
            </dd>
          </dl>
          <ReportLines title="Failed (nothing of these was written)" lines={report.failed} />
          <ReportLines title="Skipped" lines={report.skipped} />
          <ReportLines title="Warnings" lines={report.warnings} />
          {!report.dryRun && report.imported.posts > 0 ? (
            <p className="text-sm">
              <Link href="/admin/posts" className="link">
                See the posts
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** At most this many lines of a kind on the page (the command prints them all). */
const LINES_SHOWN = 200;

function ReportLines({ title, lines }: { title: string; lines: ReportLine[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <h3 className="mb-1 font-bold">{title}</h3>
      <ul className="mb-4 list-disc space-y-1 pl-5 text-sm">
        {lines.slice(0, LINES_SHOWN).map((line, index) => (
          <li key={index}>
            <bdi>
              line {line.at}: {line.what} {line.sourceId}: {line.reason}
            </bdi>
          </li>
        ))}
      </ul>
      {lines.length > LINES_SHOWN ? (
        <p className="mb-4 text-sm text-muted">…and {lines.length - LINES_SHOWN} more.</p>
      ) : null}
    </>
  );
}
