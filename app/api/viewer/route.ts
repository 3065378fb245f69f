import { NextResponse, type NextRequest } from "next/server";
import { accountLinks } from "@/lib/auth/account-links";
import { getOptionalUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { SESSION_HINT_COOKIE } from "@/lib/auth/session-hint";
import { getOwnCommentIds } from "@/lib/data/comments";
import { parseId } from "@/lib/validations/ids";
import type { ViewerResponse } from "@/lib/viewer";

const PRIVATE = { "Cache-Control": "private, no-store" };

/**
 * Who is reading, for the controls of a cached page: never cached anywhere, and only
 * about the requester. `?post=<id>` adds which of their comments there they may delete.
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
  const ownCommentIds = postId === null ? [] : await getOwnCommentIds(postId, user.id);
  return NextResponse.json<ViewerResponse>(
    {
      viewer: {
        name: user.name,
        links: accountLinks(user),
        canComment: can(user, "create:comment"),
        banned: user.banned,
        deleteAny: can(user, "delete:comment:any"),
        deleteOwn: can(user, "delete:comment:own"),
        ownCommentIds,
      },
    },
    { headers: PRIVATE },
  );
}
