import { randomUUID } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { savePageAction } from "@/app/(admin)/admin/pages/actions";
import { savePostAction } from "@/app/(admin)/admin/posts/actions";
import {
  oauthSignInAction,
  requestPasswordResetAction,
  resetPasswordAction,
  signInAction,
  signUpAction,
} from "@/app/(auth)/actions";
import { retryMailAction, sendTestMailAction } from "@/app/(admin)/admin/mail/actions";
import { saveCommentSettingsAction } from "@/app/(admin)/admin/settings/actions";
import {
  createWebhookAction,
  deleteWebhookAction,
  sendTestWebhookAction,
  updateWebhookAction,
} from "@/app/(admin)/admin/webhooks/actions";
import {
  changeEmailAction,
  changePasswordAction,
  deleteAccountAction,
  renameAction,
  sendVerificationAction,
} from "@/app/(blog)/account/actions";
import {
  banUserAction,
  deleteReportedCommentAction,
  dismissReportsAction,
  moderateDeleteAction,
  moderateHeldAction,
  restoreCommentAction,
  saveBlockedWordsAction,
  unbanUserAction,
} from "@/app/(moderation)/moderation/actions";
import { REFUSALS } from "@/lib/actions/messages";
import { signOutAction } from "@/lib/auth/actions";
import {
  createReplyAction,
  createReplyFromPageAction,
  deleteCommentAction,
  deleteCommentFromPageAction,
} from "@/lib/comments/actions";
import { loadHeldCommentsAction } from "@/lib/comments/held-action";
import {
  editCommentAction,
  editCommentFromPageAction,
  loadCommentForEditAction,
} from "@/lib/comments/edit-actions";
import { reportCommentAction, reportCommentFromPageAction } from "@/lib/comments/report-actions";
import { likeCommentAction, likeCommentFromPageAction } from "@/lib/comments/like-action";
import { loadMoreCommentsAction } from "@/lib/comments/load-more-action";
import { loadLiveCommentsAction } from "@/lib/comments/live-action";
import { followDiscussionAction, saveNotificationSettingsAction } from "@/lib/notifications/actions";
import { db } from "@/lib/db";
import { uploadImageAction } from "@/lib/uploads/actions";
import { formData, runAction } from "@/tests/support/actions";
import { createComments, createPost, createUser, uniqueSlug } from "@/tests/support/factories";
import { signInAs } from "@/tests/support/session";

/**
 * Every server action is a public endpoint (../shared/notes/security.md, rule 1): whoever
 * calls it, with whatever arguments, gets an answer, never an exception (a 500). Each
 * action is called by the signed-out, a commenter and a banned commenter with a
 * well-formed form, and by an admin with forged arguments; a refusal to the caller is
 * logged as `authz.refused`. The list is checked against every "use server" file.
 */

// Actions anyone may call: they have no permission to refuse, only input to check.
const PUBLIC = new Set([
  "signInAction",
  "signUpAction",
  "oauthSignInAction",
  "signOutAction",
  // Password reset: the same answer for any address; the link's token is the authority.
  "requestPasswordResetAction",
  "resetPasswordAction",
  "loadMoreCommentsAction",
  "loadLiveCommentsAction",
  // Answers with the caller's own held comments (or a moderator's queue): nobody's is none.
  "loadHeldCommentsAction",
]);

// The caller's own account: nobody else's can be named, so a commenter is not refused as
// "not theirs". A banned account may still change its password and delete itself
// (docs/decisions/031); renaming needs an account in good standing.
// Notification choices (docs/decisions/036) are the reader's own too, banned or not.
const OWN_ACCOUNT = new Set([
  "renameAction",
  "changePasswordAction",
  "deleteAccountAction",
  "sendVerificationAction",
  "changeEmailAction",
  "followDiscussionAction",
  "saveNotificationSettingsAction",
]);
const OPEN_TO_BANNED = new Set([
  "changePasswordAction",
  "deleteAccountAction",
  "followDiscussionAction",
  "saveNotificationSettingsAction",
]);
// Actions every signed-in reader in good standing may take on someone else's comment.
const OPEN_TO_COMMENTERS = new Set(["likeCommentAction", "likeCommentFromPageAction"]);

const EMPTY_FORM_IS_VALID = new Set(["saveBlockedWordsAction"]);
// Reads nothing from its form ("send the link again" to the caller's own address): any
// argument is as good as none, and the answer is about the caller.
const READS_NO_INPUT = new Set(["sendVerificationAction", "sendTestMailAction"]);

type Scene = { postId: number; commentId: number; targetId: string };

const ACTIONS: Record<string, (scene: Scene, input?: unknown) => Promise<unknown>> = {
  savePostAction: (_, input) =>
    savePostAction(
      { status: "idle" },
      (input ??
        form({ title: "Sneaky", slug: uniqueSlug(), bodyMarkdown: "x", intent: "publish" })) as FormData,
    ),
  savePageAction: (_, input) =>
    savePageAction(
      { status: "idle" },
      (input ?? form({ title: "Sneaky", slug: uniqueSlug(), bodyMarkdown: "x", navOrder: "0" })) as FormData,
    ),
  uploadImageAction: (_, input) =>
    uploadImageAction(
      (input ?? form({ image: new File(["x"], "a.png", { type: "image/png" }) })) as FormData,
    ),
  restoreCommentAction: (s, input) =>
    restoreCommentAction((input ?? form({ commentId: String(s.commentId) })) as FormData),
  moderateDeleteAction: (s, input) =>
    moderateDeleteAction((input ?? form({ commentId: String(s.commentId), note: "" })) as FormData),
  banUserAction: (s, input) =>
    banUserAction((input ?? form({ userId: s.targetId, reason: "", deleteComments: "on" })) as FormData),
  unbanUserAction: (s, input) => unbanUserAction((input ?? form({ userId: s.targetId })) as FormData),
  createReplyAction: (s, input) => createReplyAction({ status: "idle" }, (input ?? replyForm(s)) as FormData),
  createReplyFromPageAction: (s, input) =>
    createReplyFromPageAction({ status: "idle" }, (input ?? replyForm(s)) as FormData),
  deleteCommentAction: (s, input) =>
    deleteCommentAction({ status: "idle" }, (input ?? deleteForm(s)) as FormData),
  deleteCommentFromPageAction: (s, input) =>
    deleteCommentFromPageAction({ status: "idle" }, (input ?? deleteForm(s)) as FormData),
  likeCommentAction: (s, input) =>
    likeCommentAction(
      { status: "idle" },
      (input ?? form({ commentId: String(s.commentId), like: "1", sort: "" })) as FormData,
    ),
  likeCommentFromPageAction: (s, input) =>
    likeCommentFromPageAction(
      { status: "idle" },
      (input ?? form({ commentId: String(s.commentId), like: "1", sort: "" })) as FormData,
    ),
  saveCommentSettingsAction: (_, input) =>
    saveCommentSettingsAction({ status: "idle" }, (input ?? form({ holdAboveLinks: "1" })) as FormData),
  createWebhookAction: (_, input) =>
    createWebhookAction(
      { status: "idle" },
      (input ?? form({ url: "https://hooks.example.com/in", "comment.created": "on" })) as FormData,
    ),
  updateWebhookAction: (_, input) =>
    updateWebhookAction(
      { status: "idle" },
      (input ?? form({ webhookId: WEBHOOK_ID, enabled: "on", "comment.created": "on" })) as FormData,
    ),
  sendTestWebhookAction: (_, input) =>
    sendTestWebhookAction((input ?? form({ webhookId: WEBHOOK_ID })) as FormData),
  deleteWebhookAction: (_, input) =>
    deleteWebhookAction((input ?? form({ webhookId: WEBHOOK_ID })) as FormData),
  retryMailAction: (_, input) => retryMailAction((input ?? form({ mailId: MAIL_ID })) as FormData),
  sendTestMailAction: () => sendTestMailAction(),
  moderateHeldAction: (s, input) =>
    moderateHeldAction((input ?? form({ act: "approve", commentId: String(s.commentId) })) as FormData),
  saveBlockedWordsAction: (_, input) =>
    saveBlockedWordsAction((input ?? form({ blockedWords: "spam" })) as FormData),
  loadCommentForEditAction: (s, input) =>
    loadCommentForEditAction(input === undefined ? String(s.commentId) : (input as string)),
  editCommentAction: (s, input) => editCommentAction({ status: "idle" }, (input ?? editForm(s)) as FormData),
  editCommentFromPageAction: (s, input) =>
    editCommentFromPageAction({ status: "idle" }, (input ?? editForm(s)) as FormData),
  reportCommentAction: (s, input) =>
    reportCommentAction({ status: "idle" }, (input ?? reportForm(s)) as FormData),
  reportCommentFromPageAction: (s, input) =>
    reportCommentFromPageAction({ status: "idle" }, (input ?? reportForm(s)) as FormData),
  dismissReportsAction: (s, input) =>
    dismissReportsAction((input ?? form({ commentId: String(s.commentId) })) as FormData),
  deleteReportedCommentAction: (s, input) =>
    deleteReportedCommentAction((input ?? form({ commentId: String(s.commentId), note: "" })) as FormData),
  loadHeldCommentsAction: (s, input) =>
    loadHeldCommentsAction(input === undefined ? String(s.postId) : (input as string)),
  loadMoreCommentsAction: (s, input) =>
    input === undefined
      ? loadMoreCommentsAction(String(s.postId), "1")
      : loadMoreCommentsAction(input as string, input as string),
  loadLiveCommentsAction: (s, input) =>
    input === undefined
      ? loadLiveCommentsAction(String(s.postId), "1")
      : loadLiveCommentsAction(input as string, input as string),
  signInAction: (_, input) =>
    signInAction({ status: "idle" }, (input ?? form({ email: "a@example.test", password: "p" })) as FormData),
  signUpAction: (_, input) => signUpAction({ status: "idle" }, (input ?? form({})) as FormData),
  oauthSignInAction: (_, input) => oauthSignInAction((input ?? form({ provider: "nope" })) as FormData),
  requestPasswordResetAction: (_, input) =>
    requestPasswordResetAction({ status: "idle" }, (input ?? form({ email: "a@example.test" })) as FormData),
  resetPasswordAction: (_, input) =>
    resetPasswordAction(
      { status: "idle" },
      (input ?? form({ token: "A".repeat(43), password: "a long guess at a passphrase" })) as FormData,
    ),
  signOutAction: (_, input) => signOutAction((input ?? form({ returnTo: "/" })) as FormData),
  renameAction: (_, input) =>
    renameAction({ status: "idle" }, (input ?? form({ name: "A New Name" })) as FormData),
  changePasswordAction: (_, input) =>
    changePasswordAction(
      { status: "idle" },
      (input ??
        form({ currentPassword: "a guess at it", newPassword: "another long passphrase here" })) as FormData,
    ),
  followDiscussionAction: (s, input) =>
    followDiscussionAction(
      { status: "idle" },
      (input ?? form({ postId: String(s.postId), follow: "1", returnTo: "/" })) as FormData,
    ),
  saveNotificationSettingsAction: (_, input) =>
    saveNotificationSettingsAction(
      { status: "idle" },
      (input ?? form({ intent: "save", notifyReplies: "on" })) as FormData,
    ),
  sendVerificationAction: () => sendVerificationAction(),
  changeEmailAction: (_, input) =>
    changeEmailAction(
      { status: "idle" },
      (input ?? form({ newEmail: "new@example.test", currentPassword: "a guess at it" })) as FormData,
    ),
  deleteAccountAction: (_, input) =>
    deleteAccountAction(
      { status: "idle" },
      (input ?? form({ mode: "anonymous", password: "a guess at it", confirmEmail: "" })) as FormData,
    ),
};

const form = (fields: Record<string, string | File>) => formData(fields);
// A well-formed id of no webhook: the refusal comes before any lookup.
const WEBHOOK_ID = "cwebhook000000000000000000";
const MAIL_ID = "coutboxmail00000000000000";
const replyForm = (s: Scene) =>
  form({ postId: String(s.postId), parentId: String(s.commentId), body: "Hello", idempotencyKey: "" });
const editForm = (s: Scene) =>
  form({ commentId: String(s.commentId), body: "Mine now", version: "0", note: "", returnTo: "/" });
const reportForm = (s: Scene) =>
  form({ commentId: String(s.commentId), reason: "spam", note: "", returnTo: "/" });
const deleteForm = (s: Scene) => form({ commentId: String(s.commentId), note: "", returnTo: "/" });

// What a forged call may send instead of a form: Next decodes any JSON-like value.
const FORGED: unknown[] = [undefined, null, "x", 42, { get: "not a function" }, []];

const lines: string[] = [];
beforeEach(() => {
  lines.length = 0;
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const refusalsLogged = () =>
  lines.flatMap((line) => line.split("\n")).filter((line) => line.includes('"event":"authz.refused"'));

async function scene(): Promise<Scene> {
  const post = await createPost();
  const author = await createUser();
  const [commentId] = await createComments(post.id, [{ authorId: author.id, body: "Not yours" }]);
  const target = await createUser();
  return { postId: post.id, commentId, targetId: target.id };
}

/** An answer that refuses: a form result with messages, or a redirect to sign in or with a notice. */
function expectRefusal(answer: unknown, caller: string) {
  if (answer && typeof answer === "object" && "redirectTo" in answer) {
    expect(String(answer.redirectTo), caller).toMatch(
      /^\/signin\?|[?&]notice=(forbidden|invalid|not-found|no-selection)/,
    );
    return;
  }
  expect(answer, caller).toMatchObject({ status: "error" });
  const { formError, fieldErrors } = answer as { formError?: string; fieldErrors?: object };
  expect(formError ?? Object.keys(fieldErrors ?? {}).length, caller).toBeTruthy();
}

describe("every server action refuses instead of throwing", () => {
  it('covers every exported action of every "use server" file', () => {
    const exported = serverActionFiles().flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/^export async function (\w+)/gm)].map((match) => match[1]),
    );
    expect(exported.sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  const guarded = Object.keys(ACTIONS).filter((name) => !PUBLIC.has(name));

  it.each(guarded)("%s: refused to the signed-out, to a banned commenter, and logged", async (name) => {
    const s = await scene();
    const banned = OPEN_TO_BANNED.has(name) ? [] : [(await createUser({ bannedAt: new Date() })).id];
    for (const user of [null, ...banned]) {
      signInAs(user);
      lines.length = 0;
      expectRefusal(await runAction(() => ACTIONS[name](s)), `${name} as ${user ?? "signed out"}`);
      // A moderation action sends the signed-out to sign in, which is a redirect, not a log line.
      if (!(user === null && name in MODERATION)) expect(refusalsLogged(), name).toHaveLength(1);
    }
  });

  // A commenter may reply to, report and like someone else's comment: those are not refused.
  it.each(
    guarded.filter(
      (name) =>
        !name.startsWith("create") &&
        !name.startsWith("report") &&
        !OWN_ACCOUNT.has(name) &&
        !OPEN_TO_COMMENTERS.has(name),
    ),
  )("%s: refused to a commenter (not their comment, not their role), and logged", async (name) => {
    const s = await scene();
    const commenter = await createUser();
    signInAs(commenter.id);
    const answer = await runAction(() => ACTIONS[name](s));
    expectRefusal(answer, name);
    if (typeof answer === "object" && answer && "formError" in answer && name.startsWith("save"))
      expect(answer.formError).toMatch(new RegExp(`^${REFUSALS.forbidden}`));
    expect(refusalsLogged()).toHaveLength(1);
    expect(JSON.parse(refusalsLogged()[0])).toMatchObject({ event: "authz.refused", userId: commenter.id });
  });

  it.each(Object.keys(ACTIONS))("%s: forged arguments get an answer, not an exception", async (name) => {
    const s = await scene();
    signInAs((await createUser({ role: "admin" })).id);
    for (const input of FORGED) {
      const answer = await runAction(() => ACTIONS[name](s, input ?? form({})));
      // An empty form is a real request for these: an emptied word list, a comment list.
      if (input == null && EMPTY_FORM_IS_VALID.has(name)) continue;
      if (READS_NO_INPUT.has(name)) {
        // A form's answer, or a plain button's redirect back to its page.
        expect(answer, String(input)).toMatchObject({
          status: expect.stringMatching(/^(success|error|redirect)$/),
        });
        continue;
      }
      if (name === "loadHeldCommentsAction") expect(answer, String(input)).toEqual([]);
      else if (answer !== undefined) expectRefusal(answer, `${name}(${JSON.stringify(input)})`);
    }
  });

  it("logs flood control as rate_limit.hit, with who but not what they wrote", async () => {
    const s = await scene();
    const commenter = await createUser();
    signInAs(commenter.id);
    const reply = (body: string) =>
      runAction(() =>
        ACTIONS.createReplyAction(
          s,
          form({ postId: String(s.postId), parentId: "", body, idempotencyKey: randomUUID() }),
        ),
      );
    expect(await reply("First words")).toMatchObject({ status: "success" });
    expect(await reply("Second words, too soon")).toMatchObject({ status: "error" });
    const hits = lines.flatMap((line) => line.split("\n")).filter((line) => line.includes("rate_limit.hit"));
    expect(hits).toHaveLength(1);
    expect(JSON.parse(hits[0])).toMatchObject({
      event: "rate_limit.hit",
      refusal: "too-fast",
      userId: commenter.id,
    });
    expect(hits[0]).not.toContain("too soon");
  });

  it("leaves the database as it was", async () => {
    const s = await scene();
    const title = `Sneaky ${uniqueSlug()}`;
    signInAs((await createUser()).id);
    await runAction(() => ACTIONS.savePostAction(s, form({ title, slug: uniqueSlug(), bodyMarkdown: "x" })));
    await runAction(() => ACTIONS.moderateDeleteAction(s));
    await runAction(() => ACTIONS.banUserAction(s));
    expect(await db.post.count({ where: { title } })).toBe(0);
    expect(await db.comment.findUniqueOrThrow({ where: { id: s.commentId } })).toMatchObject({
      deletedAt: null,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: s.targetId } })).toMatchObject({ bannedAt: null });
  });
});

const MODERATION = {
  restoreCommentAction,
  moderateDeleteAction,
  banUserAction,
  unbanUserAction,
  moderateHeldAction,
  saveBlockedWordsAction,
  dismissReportsAction,
  deleteReportedCommentAction,
};

function serverActionFiles(): string[] {
  const root = path.resolve(import.meta.dirname, "../..");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.includes(".test."))
        if (/^["']use server["'];/m.test(readFileSync(full, "utf8"))) found.push(full);
    }
  };
  for (const dir of ["app", "lib", "components"]) walk(path.join(root, dir));
  return found;
}
