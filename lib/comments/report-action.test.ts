import { describe, expect, it } from "vitest";
import { request, revalidated, signInAs } from "@/tests/support/session";
import { runAction } from "@/tests/support/actions";
import { db } from "@/lib/db";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { getCommentPage } from "@/lib/data/comment-pages";
import { getFeedComments } from "@/lib/data/feeds";
import {
  deleteReportedComment,
  dismissReports,
  getReportQueue,
  reportComment,
  REPORTS_PER_HOUR,
} from "@/lib/data/comment-reports";
import { defaultCommentSettings } from "@/lib/data/comment-settings";
import { reportCommentAction, reportCommentFromPageAction } from "./report-actions";

function form(fields: Record<string, string | number>) {
  const data = new FormData();
  for (const [name, value] of Object.entries({ reason: "spam", note: "", returnTo: "", ...fields }))
    data.set(name, String(value));
  return data;
}

const report = (fields: Record<string, string | number>) =>
  runAction(() => reportCommentAction({ status: "idle" }, form(fields)));

async function scene() {
  const author = await createUser();
  const post = await createPost();
  const [id, reply] = await createComments(post.id, [
    { authorId: author.id, body: "Buy pills" },
    { parent: 0, body: "A reply" },
  ]);
  return { author, post, id, reply };
}

const reporters = (n: number) => Promise.all(Array.from({ length: n }, () => createUser()));
const settings = defaultCommentSettings();

describe("reporting a comment", () => {
  it("takes one report per reader, never from the author, with a clear message each time", async () => {
    const { author, id } = await scene();
    signInAs(author.id);
    expect(await report({ commentId: id })).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/your own/),
    });
    signInAs((await createUser()).id);
    expect(await report({ commentId: id, reason: "other" })).toMatchObject({
      status: "error",
      fieldErrors: { note: expect.any(String) },
    });
    expect(await report({ commentId: id, reason: "nonsense" })).toMatchObject({ status: "error" });
    expect(await report({ commentId: id, note: "x".repeat(501) })).toMatchObject({ status: "error" });
    expect(await report({ commentId: id, reason: "abuse", note: "Insults" })).toMatchObject({
      status: "success",
    });
    expect(await report({ commentId: id })).toMatchObject({
      status: "error",
      formError: expect.stringMatching(/already reported/),
    });
    signInAs(null);
    expect(await report({ commentId: id })).toMatchObject({ status: "error" });
    signInAs((await createUser({ bannedAt: new Date() })).id);
    expect(await report({ commentId: id })).toMatchObject({ status: "error" });
    expect(await db.commentReport.count({ where: { commentId: id } })).toBe(1);
    // One report under the threshold changes no reader's page.
    expect(revalidated).toEqual([]);
  });

  it("refuses a deleted or held comment", async () => {
    const { id, post } = await scene();
    await db.comment.update({ where: { id }, data: { deletedAt: new Date(), deletedReason: "author" } });
    const [held] = await createComments(post.id, [{}]);
    await db.comment.update({ where: { id: held }, data: { status: "held" } });
    signInAs((await createUser()).id);
    for (const commentId of [id, held])
      expect(await report({ commentId })).toMatchObject({
        status: "error",
        formError: expect.stringMatching(/no longer available/),
      });
  });

  it("five parallel reports from one reader store one", async () => {
    const { id } = await scene();
    const [reader] = await reporters(1);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        reportComment(
          { ...reader, banned: false },
          { commentId: id, reason: "spam", note: null },
          new Date(),
          settings,
        ),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual(
      Array(4).fill({ ok: false, reason: "already-reported" }),
    );
    expect(await db.commentReport.count({ where: { commentId: id } })).toBe(1);
  });

  it("N parallel reports from N readers hide it exactly once; readers see the placeholder, replies stay", async () => {
    const { id, post, reply } = await scene();
    const readers = await reporters(8);
    const results = await Promise.all(
      readers.map((reader) =>
        reportComment(
          { ...reader, banned: false },
          { commentId: id, reason: "spam", note: null },
          new Date(),
          settings,
        ),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.filter((result) => result.ok && result.hidden)).toHaveLength(1);
    const page = await getCommentPage(post.id, null);
    expect(page.comments.find((comment) => comment.id === id)).toMatchObject({ hidden: true, body: null });
    expect(page.comments.find((comment) => comment.id === reply)).toMatchObject({
      hidden: false,
      body: "A reply",
    });
    // Counted like a held comment: not in "N comments:"; not in the feeds; reporters nowhere.
    expect(page.total).toBe(1);
    expect((await getFeedComments({ postId: post.id })).map((entry) => entry.body)).toEqual(["A reply"]);
    const published = JSON.stringify(page);
    for (const reader of readers) expect(published).not.toContain(reader.id);
  });

  it("the report that hides it expires the pages; moderators see it queued and dismissing shows it again", async () => {
    const { id, post } = await scene();
    const readers = await reporters(3);
    for (const [index, reader] of readers.entries()) {
      signInAs(reader.id);
      revalidated.length = 0;
      expect(
        await report({
          commentId: id,
          reason: index === 0 ? "other" : "spam",
          note: index === 0 ? "Looks like an ad" : "",
        }),
      ).toMatchObject({ status: "success" });
      expect(revalidated.some((entry) => entry.endsWith(post.slug))).toBe(index === 2);
    }
    const moderator = { ...(await createUser({ role: "moderator" })), banned: false };
    const queue = await getReportQueue(moderator);
    expect(queue?.comments.find((comment) => comment.id === id)).toMatchObject({
      count: 3,
      hidden: true,
      body: "Buy pills",
      reports: [{ reason: "other", note: "Looks like an ad" }, { reason: "spam" }, { reason: "spam" }],
    });
    expect(JSON.stringify(queue)).not.toContain(readers[0].id);
    expect(await getReportQueue({ ...readers[0], banned: false })).toBeNull();

    expect(await dismissReports({ ...readers[0], banned: false }, id)).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await dismissReports(moderator, id)).toMatchObject({
      ok: true,
      changed: 3,
      post: { id: post.id },
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ hiddenAt: null });
    expect((await getReportQueue(moderator))?.comments.some((comment) => comment.id === id)).toBe(false);
    expect(
      await db.moderationLog.findFirst({
        where: { action: "comment.reports.dismiss", targetId: String(id) },
      }),
    ).toMatchObject({
      actorId: moderator.id,
      detail: "3 reports",
    });
  });

  it("a moderator deletes a reported comment from the queue, logged, its reports closed", async () => {
    const { id } = await scene();
    const [reader] = await reporters(1);
    await reportComment(
      { ...reader, banned: false },
      { commentId: id, reason: "abuse", note: null },
      new Date(),
      settings,
    );
    expect(await deleteReportedComment({ ...reader, banned: false }, id)).toMatchObject({ ok: false });
    const moderator = { ...(await createUser({ role: "moderator" })), banned: false };
    expect(await deleteReportedComment(moderator, id, "Abuse")).toMatchObject({ ok: true, changed: true });
    expect(await db.commentReport.count({ where: { commentId: id, resolvedAt: null } })).toBe(0);
    expect(
      await db.moderationLog.findFirst({
        where: { action: "comment.delete.moderator", targetId: String(id) },
      }),
    ).toBeTruthy();
  });

  it(`limits one reader to ${REPORTS_PER_HOUR} reports an hour`, async () => {
    const post = await createPost();
    const ids = await createComments(
      post.id,
      Array.from({ length: REPORTS_PER_HOUR + 1 }, () => ({})),
    );
    const [reader] = await reporters(1);
    const actor = { ...reader, banned: false };
    for (const commentId of ids.slice(0, REPORTS_PER_HOUR))
      expect(
        await reportComment(actor, { commentId, reason: "spam", note: null }, new Date(), settings),
      ).toMatchObject({ ok: true });
    expect(
      await reportComment(
        actor,
        { commentId: ids.at(-1)!, reason: "spam", note: null },
        new Date(),
        settings,
      ),
    ).toEqual({
      ok: false,
      reason: "too-many",
    });
  });

  it("without JavaScript, thanks the reader on the report page", async () => {
    const { id } = await scene();
    signInAs((await createUser()).id);
    request.withScript = false;
    const answer = await runAction(() =>
      reportCommentFromPageAction({ status: "idle" }, form({ commentId: id })),
    );
    expect(answer).toMatchObject({
      status: "redirect",
      redirectTo: expect.stringMatching(new RegExp(`^/comments/${id}/report\\?returnTo=.*&notice=reported$`)),
    });
  });
});
