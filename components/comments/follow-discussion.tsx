"use client";

import { useActionState, useEffect, useState } from "react";
import { fetchViewer } from "@/components/viewer/viewer-context";
import { FormAlert } from "@/components/ui/form-alert";
import { idle } from "@/lib/actions/result";
import { followDiscussionAction, type FollowState } from "@/lib/notifications/actions";

type FollowDiscussionProps = {
  postId: number;
  /** Known on a page rendered per request; on a cached page it comes from the viewer endpoint. */
  following?: boolean;
  /** Where a plain form post returns to (no JavaScript). */
  returnTo?: string;
};

/**
 * "Follow this discussion" / "Unfollow" (docs/decisions/036): a plain form, so it works
 * without JavaScript on the pages rendered per request; on the cached post page the
 * viewer's state comes from GET /api/viewer, never from the page's HTML.
 */
export function FollowDiscussion({ postId, following: known, returnTo = "" }: FollowDiscussionProps) {
  const [state, formAction] = useActionState<FollowState, FormData>(followDiscussionAction, idle);
  const [loaded, setLoaded] = useState<boolean | null>(known ?? null);
  useEffect(() => {
    if (known !== undefined) return;
    let current = true;
    fetchViewer(postId).then((viewer) => current && setLoaded(viewer?.following ?? null));
    return () => {
      current = false;
    };
  }, [postId, known]);
  const following = state.status === "success" && state.following !== undefined ? state.following : loaded;
  if (following === null) return null;
  return (
    <form action={formAction} className="mb-4 flex flex-wrap items-center gap-3 text-sm">
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="follow" value={following ? "0" : "1"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button type="submit" className="rounded border border-line px-3 py-1 font-semibold hover:bg-line/40">
        {following ? "Unfollow this discussion" : "Follow this discussion"}
      </button>
      <span role="status" className="text-muted">
        {following ? "You get an email when someone comments here." : ""}
      </span>
      <FormAlert message={state.formError} />
    </form>
  );
}
