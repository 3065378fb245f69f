import { config } from "@/lib/config";
import { getFeedComments } from "@/lib/data/feeds";
import { commentsAtom } from "@/lib/feeds/atom";
import { feedPaths } from "@/lib/feeds/paths";
import { ATOM_TYPE, xmlResponse } from "@/lib/feeds/response";

export const dynamic = "force-dynamic";

/** Blogger's whole-blog comments feed (Atom). */
export async function GET() {
  const comments = await getFeedComments();
  const body = commentsAtom(comments, { title: `${config.title} - Comments`, selfPath: feedPaths.commentsAtom, alternatePath: "/" });
  return xmlResponse(body, ATOM_TYPE);
}
