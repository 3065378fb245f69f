import { rm } from "node:fs/promises";
import path from "node:path";
import { authorize } from "@/lib/actions/server";
import { everythingChangedInBackground } from "@/lib/cache/revalidate";
import { db } from "@/lib/db";
import { claimImportJob, runImportJob } from "@/lib/import/jobs";
import { receiveUpload } from "@/lib/import/upload";
import { sameOrigin } from "@/lib/security/same-origin";

export const dynamic = "force-dynamic";

/** A 303 to a path of this site: the browser follows it with a GET (no resubmission). */
const seeOther = (to: string) =>
  new Response(null, { status: 303, headers: { Location: to, "Cache-Control": "no-store" } });

/**
 * Takes an export file from /admin/move (a plain multipart form, so it works without
 * JavaScript), streams it to a temporary file and starts the import as a job in this
 * process; answers with the job's status page. Admins only, checked here (the page's own
 * check protects nothing of this handler), and only from this site's own pages.
 */
export async function POST(request: Request) {
  if (!sameOrigin(request)) return new Response("Cross-site request refused.", { status: 403 });
  const allowed = await authorize("edit:settings");
  if (!allowed.ok)
    return allowed.refusal === "signed-out"
      ? seeOther("/signin?callbackUrl=%2Fadmin%2Fmove")
      : new Response("Only admins may import.", { status: 403, headers: { "Cache-Control": "no-store" } });

  const upload = await receiveUpload(request);
  if (!upload.ok) return seeOther(`/admin/move?notice=${upload.notice}`);
  const claim = await claimImportJob(db, {
    fileName: upload.fileName,
    dryRun: upload.dryRun,
    startedById: allowed.user.id,
  });
  if (!claim.ok) {
    await rm(path.dirname(upload.file), { recursive: true, force: true });
    return seeOther("/admin/move?notice=busy");
  }
  // Not awaited: the job outlives this request; its progress is in the database.
  void runImportJob(db, claim.id, {
    file: upload.file,
    dryRun: upload.dryRun,
    authorId: allowed.user.id,
    changed: everythingChangedInBackground,
  }).finally(() => rm(path.dirname(upload.file), { recursive: true, force: true }));
  return seeOther(`/admin/move/jobs/${claim.id}`);
}
