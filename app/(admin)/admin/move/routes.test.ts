import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { claimImportJob, getImportJob, runImportJob } from "@/lib/import/jobs";
import { createUser } from "@/tests/support/factories";
import { tempFile } from "@/tests/support/imports";
import { signInAs } from "@/tests/support/session";
import { GET as exportRoute } from "./export/route";
import { POST as uploadRoute } from "./upload/route";

const SITE = "http://localhost:3000";

function upload(body: FormData | string, headers: Record<string, string> = {}) {
  const request = new Request(`${SITE}/admin/move/upload`, {
    method: "POST",
    body,
    headers: { origin: SITE, host: "localhost:3000", ...headers },
  });
  return uploadRoute(request);
}

function exportFile(format = "json") {
  return exportRoute(new Request(`${SITE}/admin/move/export?format=${format}`));
}

const fileForm = (text: string) => {
  const form = new FormData();
  form.set("file", new File([text], "blog.xml", { type: "text/xml" }));
  form.set("dryRun", "on");
  return form;
};

describe("the route handlers of /admin/move check who calls them", () => {
  it("refuses the downloads to the signed-out, commenters, moderators and banned admins", async () => {
    signInAs(null);
    expect((await exportFile()).status).toBe(401);
    for (const user of [
      await createUser(),
      await createUser({ role: "moderator" }),
      await createUser({ role: "admin", bannedAt: new Date() }),
    ]) {
      signInAs(user.id);
      expect((await exportFile()).status, user.role).toBe(403);
    }
  });

  it("gives an admin the export as an attachment, and refuses an unknown format", async () => {
    signInAs((await createUser({ role: "admin" })).id);
    const response = await exportFile("json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="commonplace-json-/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(JSON.parse(text.split("\n")[0])).toMatchObject({ format: "commonplace", version: 1 });
    expect((await exportFile("csv")).status).toBe(400);
  });

  it("refuses uploads to the signed-out (to sign in), to non-admins, and from other sites", async () => {
    signInAs(null);
    const signedOut = await upload(fileForm("<rss/>"));
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get("location")).toMatch(/^\/signin\?/);
    signInAs((await createUser({ role: "moderator" })).id);
    expect((await upload(fileForm("<rss/>"))).status).toBe(403);
    signInAs((await createUser({ role: "admin" })).id);
    expect((await upload(fileForm("<rss/>"), { origin: "https://evil.example" })).status).toBe(403);
  });

  it("refuses a file over the limit and a form without a file, with a notice", async () => {
    signInAs((await createUser({ role: "admin" })).id);
    const tooLarge = await upload(fileForm("x"), { "content-length": String(300 * 1024 * 1024) });
    expect(tooLarge.headers.get("location")).toBe("/admin/move?notice=too-large");
    const form = new FormData();
    form.set("dryRun", "on");
    expect((await upload(form)).headers.get("location")).toBe("/admin/move?notice=no-file");
  });

  it("streams an admin's upload into an import job and answers with its status page", async () => {
    signInAs((await createUser({ role: "admin" })).id);
    const xml = readFileSync("tests/fixtures/import/wordpress.xml", "utf8");
    const response = await upload(fileForm(xml));
    expect(response.status).toBe(303);
    const id = Number(response.headers.get("location")!.match(/\/admin\/move\/jobs\/(\d+)$/)![1]);
    await vi.waitFor(async () => expect((await getImportJob(db, id))?.state).toBe("done"), {
      timeout: 20_000,
      interval: 100,
    });
    const job = await getImportJob(db, id);
    expect(job).toMatchObject({ fileName: "blog.xml", dryRun: true });
    expect(job!.done).toBe(job!.total);
    expect(job!.report!.format).toBe("WordPress WXR");
    expect(job!.report!.imported.posts).toBeGreaterThan(0);
    // No temporary path leaks into the report.
    expect(JSON.stringify(job!.report)).not.toContain("commonplace-upload-");
  });
});

describe("import jobs", () => {
  it("run one at a time, report progress, expire the cache when they wrote something", async () => {
    const admin = await createUser({ role: "admin" });
    const first = await claimImportJob(db, { fileName: "a.xml", dryRun: false, startedById: admin.id });
    expect(first.ok).toBe(true);
    const second = await claimImportJob(db, { fileName: "b.xml", dryRun: false, startedById: admin.id });
    expect(second).toMatchObject({ ok: false, reason: "busy" });

    const file = tempFile("blog.xml", readFileSync("tests/fixtures/import/blogger-takeout.xml", "utf8"));
    const changed = vi.fn();
    await runImportJob(db, (first as { id: number }).id, {
      file,
      dryRun: false,
      authorId: admin.id,
      changed,
    });
    expect(changed).toHaveBeenCalledTimes(1);
    const job = await getImportJob(db, (first as { id: number }).id);
    expect(job).toMatchObject({ state: "done", error: null });
    expect(job!.total).toBeGreaterThan(0);

    // The slot is free again; a file that is not an export fails with its position, and nothing expires.
    const third = await claimImportJob(db, { fileName: "c.txt", dryRun: false, startedById: admin.id });
    expect(third.ok).toBe(true);
    const bad = tempFile("c.txt", "<html><body>not an export</body></html>");
    const unchanged = vi.fn();
    await runImportJob(db, (third as { id: number }).id, {
      file: bad,
      dryRun: false,
      authorId: null,
      changed: unchanged,
    });
    expect(await getImportJob(db, (third as { id: number }).id)).toMatchObject({
      state: "failed",
      error: expect.stringMatching(/^Line 1, column \d+: Not an export/),
    });
    expect(unchanged).not.toHaveBeenCalled();
  });
});
