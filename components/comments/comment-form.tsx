"use client";

import { useActionState, useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useThreadCountChanges } from "@/components/comments/thread-count";
import { FormAlert } from "@/components/ui/form-alert";
import { TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { UserText } from "@/components/user-text";
import { idle } from "@/lib/actions/result";
import { createReplyAction, createReplyFromPageAction, type ReplyState } from "@/lib/comments/actions";
import { commentHash } from "@/lib/comments/paths";
import { formOpenedAt, newSubmissionKey } from "@/lib/comments/submission-key";
import { characterCount } from "@/lib/text/unicode";
import { COMMENT_MAX } from "@/lib/validations/comment";

// Comments this tab published since the page loaded: their author may delete them
// before the page is reloaded (the viewer endpoint answered before they existed).
const publishedHere = new Set<number>();

export function publishedInThisTab(commentId: number): boolean {
  return publishedHere.has(commentId);
}

type CommentFormProps = {
  postId: number;
  parentId: number | null;
  /** The first submission key, when the form is rendered on the server (pages for no JavaScript). */
  initialKey?: string;
  /** When the form was shown (ms), when rendered on the server; else when it mounts. */
  initialStartedAt?: number;
  authorName: string;
  autoFocus?: boolean;
  /** The stored comment and its server rendering, once published (with JavaScript). */
  onPublished?: (commentId: number, comment: ReactNode) => void;
  /** False on a page of its own: publishing goes to the comment in its thread, script or not. */
  inPlace?: boolean;
  /** Whether "Email me replies" starts ticked: the author's last choice (docs/decisions/036). */
  notifyReplies?: boolean;
};

// The choice made in this tab: the next form starts from it (the viewer endpoint's answer predates it).
let choiceInThisTab: boolean | null = null;

/**
 * Posts to the createReply server action. Without JavaScript it is a plain form and the
 * action redirects to the new comment; with it, the comment shows at once as pending,
 * the count goes up, and the typed text survives any refusal (the action returns it
 * and React's post-action form reset restores it as the default value).
 */
export function CommentForm({
  postId,
  parentId,
  initialKey,
  initialStartedAt,
  authorName,
  autoFocus,
  onPublished,
  inPlace = true,
  notifyReplies = false,
}: CommentFormProps) {
  const [state, formAction] = useActionState<ReplyState, FormData>(
    inPlace ? createReplyAction : createReplyFromPageAction,
    idle,
  );
  const [length, setLength] = useState(0);
  // This form owns its submission key: a new one once a comment is stored.
  const [key, setKey] = useState(() => initialKey ?? newSubmissionKey());
  // How long the form was open before it was sent: bots send at once (hold-rules.ts).
  const [startedAt, setStartedAt] = useState(() => initialStartedAt ?? formOpenedAt());
  const countChanges = useThreadCountChanges();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  // Adjust local state once per action result, during render (not in an effect).
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    setSeenState(state);
    if (state.status === "success") {
      setLength(0);
      setKey(newSubmissionKey());
      setStartedAt(formOpenedAt());
    } else if (state.status === "error") {
      setLength(characterCount(state.values?.body ?? ""));
    }
  }

  // Then move focus: to the new comment, or back to the text that needs attention.
  useEffect(() => {
    if (state.status === "success" && state.commentId) {
      const commentId = state.commentId;
      publishedHere.add(commentId);
      // A held comment is not counted in "N comments:" until a moderator approves it.
      if (!state.held) countChanges.published();
      onPublished?.(commentId, state.comment);
      history.replaceState(null, "", commentHash(commentId));
      // Where it is shown (published-comments.tsx, or the thread after a redirect) moves focus to it.
    } else if (state.status === "error") {
      textareaRef.current?.focus();
    }
    // Once per action result; onPublished may change identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);

  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="parentId" value={parentId ?? ""} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="startedAt" value={startedAt} />
      {/* A honeypot: hidden from people and assistive technology, filled in by bots. */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label>
          Leave this field empty
          <input type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <FormAlert message={state.formError} />
      <TextareaField
        ref={textareaRef}
        id={`comment-${id}`}
        name="body"
        label="Comment"
        rows={parentId === null ? 5 : 3}
        required
        dir="auto"
        autoFocus={autoFocus}
        defaultValue={state.values?.body}
        onChange={(event) => setLength(characterCount(event.target.value))}
        error={state.fieldErrors?.body}
        hint={
          length > COMMENT_MAX * 0.9
            ? `${length.toLocaleString("en-US")} / ${COMMENT_MAX.toLocaleString("en-US")} characters`
            : undefined
        }
      />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="notifyReplies"
          defaultChecked={choiceInThisTab ?? notifyReplies}
          onChange={(event) => {
            choiceInThisTab = event.target.checked;
          }}
        />{" "}
        Email me replies
      </label>
      <SubmitButton pendingText="Publishing…">Publish</SubmitButton>
      <PendingComment authorName={authorName} />
    </form>
  );
}

/** The comment being published, shown in place until the server confirms it. */
function PendingComment({ authorName }: { authorName: string }) {
  const { pending, data } = useFormStatus();
  const { adjustPending } = useThreadCountChanges();
  useEffect(() => {
    if (!pending) return;
    adjustPending(1);
    return () => adjustPending(-1);
  }, [pending, adjustPending]);

  const text = pending ? data?.get("body") : null;
  if (typeof text !== "string" || text.trim() === "") return null;
  return (
    <div aria-live="polite" className="mt-3 rounded border border-dashed border-line p-3 opacity-70">
      <p className="text-sm">
        <span className="font-semibold">
          <bdi>{authorName}</bdi>
        </span>{" "}
        <span className="text-muted">Publishing…</span>
      </p>
      <UserText text={text} className="mt-1 space-y-2" />
    </div>
  );
}
