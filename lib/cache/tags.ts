/**
 * The cache tags Next gives reader pages, named in one place: lib/cache/revalidate.ts
 * expires them after changes, the shared expiry log (docs/decisions/021) carries them to
 * the other server processes, and `npm run cache:expire` expires them all.
 */

// Next tags every cached page with its path under this prefix (what revalidatePath expires).
const PATH_TAG_PREFIX = "_N_T_";

/**
 * The tag of the pages at `path`; with `type`, of every page under that layout or of
 * every page of that route pattern ("/label/[slug]", "page").
 */
export function pathTag(path: string, type?: "page" | "layout"): string {
  let tag = `${PATH_TAG_PREFIX}${path.length > 1 ? path.replace(/\/$/, "") : path}`;
  if (type) tag += `${tag.endsWith("/") ? "" : "/"}${type}`;
  return tag;
}

/** Every page shares the root layout: expiring its tag expires every cached page. */
export const EVERYTHING_TAG = pathTag("/", "layout");

/**
 * Not a page: the comment rules each server process keeps in memory
 * (lib/data/comment-settings.ts). Expiring it tells the other processes to read them again.
 */
export const COMMENT_SETTINGS_TAG = "commonplace:comment-settings";
