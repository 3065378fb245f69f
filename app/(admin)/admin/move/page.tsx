import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { EXPORT_FILES, EXPORT_FORMATS } from "@/lib/export/options";
import { recentImportJobs } from "@/lib/import/jobs";
import { UPLOAD_MAX_BYTES, UPLOAD_NOTICES, type UploadNotice } from "@/lib/validations/move";

export const metadata: Metadata = { title: "Import and export", robots: { index: false } };

type MovePageProps = { searchParams: Promise<{ notice?: string }> };

const BUTTON = "rounded bg-accent px-4 py-2 text-sm font-semibold text-page";

/** Moving in and out (README "Moving in", "Moving out"): admins only, others get a 404. */
export default async function MovePage({ searchParams }: MovePageProps) {
  const user = await requireUser("/admin/move");
  if (!can(user, "edit:settings")) notFound();
  const { notice } = await searchParams;
  const message = notice && notice in UPLOAD_NOTICES ? UPLOAD_NOTICES[notice as UploadNotice] : null;
  const jobs = await recentImportJobs(db);
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Import and export</h1>
      {message ? (
        <div className="mb-6">
          <Notice>{message}</Notice>
        </div>
      ) : null}

      <section aria-labelledby="import-heading" className="mb-10 max-w-2xl">
        <h2 id="import-heading" className="mb-2 text-xl font-bold">
          Import
        </h2>
        <p className="mb-4 text-sm text-muted">
          A Blogger backup or Takeout feed, a WordPress WXR file, or a Commonplace JSON export, up to{" "}
          {UPLOAD_MAX_BYTES / 1024 / 1024} MB. Importing the same file again changes nothing. One import runs
          at a time.
        </p>
        <form action="/admin/move/upload" method="post" encType="multipart/form-data" className="space-y-4">
          <div>
            <label htmlFor="import-file" className="mb-1 block text-sm font-semibold">
              Export file
            </label>
            <input id="import-file" name="file" type="file" required className="block text-sm" />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="dryRun" value="on" /> Dry run: report what would be imported, write
            nothing
          </label>
          <button type="submit" className={BUTTON}>
            Upload and import
          </button>
        </form>
        {jobs.length > 0 ? (
          <>
            <h3 className="mt-6 mb-2 font-bold">Recent imports</h3>
            <ul className="space-y-1 text-sm">
              {jobs.map((job) => (
                <li key={job.id}>
                  <Link href={`/admin/move/jobs/${job.id}`} className="link">
                    <bdi>{job.fileName}</bdi>
                  </Link>{" "}
                  — {job.state}
                  {job.dryRun ? " (dry run)" : ""},{" "}
                  {job.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section aria-labelledby="export-heading" className="max-w-2xl">
        <h2 id="export-heading" className="mb-2 text-xl font-bold">
          Export
        </h2>
        <p className="mb-4 text-sm text-muted">
          The whole blog: posts and drafts, pages, labels, comments with their nesting, held and removed ones.
          Never passwords; email addresses only if you ask. Images stay where they are (see README, “Moving
          out”).
        </p>
        <form action="/admin/move/export" method="get" className="space-y-4">
          <fieldset>
            <legend className="mb-1 text-sm font-semibold">Format</legend>
            {EXPORT_FORMATS.map((format, index) => (
              <label key={format} className="flex items-center gap-2 text-sm">
                <input type="radio" name="format" value={format} defaultChecked={index === 0} />
                {EXPORT_FILES[format].label}
                {format === "json" ? " — everything, to move to another Commonplace" : ""}
              </label>
            ))}
          </fieldset>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="emails" value="on" /> Include the email addresses of authors with an
            account
          </label>
          <button type="submit" className={BUTTON}>
            Download
          </button>
        </form>
      </section>
    </>
  );
}
