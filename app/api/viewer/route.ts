import { NextResponse, type NextRequest } from "next/server";
import { accountLinks } from "@/lib/auth/account-links";
import { getOptionalUser } from "@/lib/auth/guards";
import { SESSION_HINT_COOKIE } from "@/lib/auth/session-hint";
import { getLikedCommentIds } from "@/lib/data/comment-likes";
import { countHeld, getViewerComments } from "@/lib/data/held-comments";
import { getViewerNotifications } from "@/lib/data/notification-settings";
import { parseId } from "@/lib/validations/ids";
import type { ViewerResponse } from "@/lib/viewer";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * Who is reading, for the controls of a cached page: never cached anywhere, and only
 * about the requester. `?post=<id>` adds which of their comments there they may delete,
 * which they like, and which held comments there they may see; a moderator learns the Held queue's size.
 */
export async function GET(request: NextRequest) {
  const user = await getOptionalUser();
  if (!user) {
    const response = NextResponse.json<ViewerResponse>({ viewer: null }, { headers: PRIVATE });
    // The hint outlived the session (expired or revoked): stop asking.
    response.cookies.delete(SESSION_HINT_COOKIE);
    return response;
  }
  const postId = parseId(request.nextUrl.searchParams.get("post"));
  const [{ ownCommentIds, heldCommentIds, editableCommentIds }, likedCommentIds, heldCount, notifications] =
    await Promise.all([
      postId === null
        ? { ownCommentIds: [], heldCommentIds: [], editableCommentIds: [] }
        : getViewerComments(user, postId),
      postId === null ? [] : getLikedCommentIds(user.id, postId),
      countHeld(user),
      getViewerNotifications(user.id, postId),
    ]);
  return NextResponse.json<ViewerResponse>(
    {
      viewer: {
        name: user.name,
        links: accountLinks(user),
        role: user.role,
        banned: user.banned,
        ownCommentIds,
        editableCommentIds,
        heldCommentIds,
        likedCommentIds,
        heldCount,
        notifyReplies: notifications.notifyReplies,
        following: notifications.following,
      },
    },
    { headers: PRIVATE },
  );
}
