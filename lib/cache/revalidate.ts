import "server-only";
import { revalidateTag } from "next/cache";
import { applyExpiry, publishExpiry } from "@/lib/cache/expiry-channel.mjs";
import { COMMENT_SETTINGS_TAG, EVERYTHING_TAG, pathTag } from "@/lib/cache/tags";
import { COMMENT_SORTS, DEFAULT_SORT } from "@/lib/comments/sort";
import { sortedPostPath } from "@/lib/comments/paths";
import { feedPaths } from "@/lib/feeds/paths";

// The post page in each order but the default is a page of its own (next.config.ts).
const SORTED = COMMENT_SORTS.filter((sort) => sort !== DEFAULT_SORT);

/**
 * What to expire after each kind of change, in one place. Reader pages are cached
 * (docs/decisions/010); route patterns ("/label/[slug]") expire every page of that route.
 * The next request for an expired page renders it afresh, so a reader who reloads sees
 * the change.
 *
 * Next answers an action that expires paths outright ({ expire: 0 }) with a fresh render
 * of the page the action came from, which the browser then shows: right for a deletion
 * or a moderation step. A reply must cost the same on a 10- or a 100,000-comment post,
 * and the page shows it in place already: it expires with a 1 ms stale window, which
 * Next leaves out of the action's answer (`renderThisPage: false`).
 */
type ExpireOptions = { renderThisPage: boolean };

const expireSeconds = ({ renderThisPage }: ExpireOptions) => (renderThisPage ? 0 : 0.001);

// Next applies the expiry after the action, and the cache handler then writes it to the
// shared log for the other server processes (docs/decisions/021).
function expire(options: ExpireOptions, path: string, type?: "page" | "layout") {
  revalidateTag(pathTag(path, type), { expire: expireSeconds(options) });
}

/** A comment was added, deleted or restored on this post. */
export function commentsChanged(post: { id: number; path: string }, options: ExpireOptions) {
  const expirePath = (path: string, type?: "page" | "layout") => expire(options, path, type);
  expirePath(post.path);
  for (const sort of SORTED) expirePath(sortedPostPath(post.path, sort));
  expirePath("/[year]/[month]/[slug]/comments/[after]", "page");
  expirePath("/[year]/[month]/[slug]/thread/[commentId]", "page");
  // Listings show each post's comment count ("/" is /page/1, see next.config.ts).
  expirePath("/page/[page]", "page");
  expirePath("/label/[slug]", "page");
  expirePath("/label/[slug]/page/[page]", "page");
  expirePath("/[year]/[month]", "page");
  expirePath("/archive/[year]/[month]/[page]", "page");
  expirePath(feedPaths.commentsAtom);
  expirePath(feedPaths.postCommentsAtom(post.id));
  // Profiles list their owner's comments (docs/decisions/031). Which person's is not
  // known here (moderation, approvals): every profile page, as every listing page above.
  expirePath("/u/[id]", "page");
  expirePath("/u/[id]/before/[before]", "page");
}

/** Someone was banned or unbanned: a banned person has no public profile (docs/decisions/031). */
export function profilesChanged() {
  expire({ renderThisPage: true }, "/u/[id]", "page");
  expire({ renderThisPage: true }, "/u/[id]/before/[before]", "page");
}

/**
 * A comment's likes changed: its count is on the post's pages in every order, and it
 * moves comments in Best. Listings and feeds show no likes, so they stay cached. The
 * 1 ms stale window keeps the action's answer small (see above).
 */
export function likesChanged(post: { path: string }) {
  const expirePath = (path: string, type?: "page" | "layout") =>
    expire({ renderThisPage: false }, path, type);
  expirePath(post.path);
  for (const sort of SORTED) expirePath(sortedPostPath(post.path, sort));
  expirePath("/[year]/[month]/[slug]/comments/[after]", "page");
  expirePath("/[year]/[month]/[slug]/thread/[commentId]", "page");
}

/** Comments changed on many posts at once (a ban that removed someone's comments). */
export function allCommentsChanged() {
  everythingChanged();
}

/** A post or page was written, published, unpublished or renamed: sidebars, listings and feeds all show posts. */
export function postsChanged() {
  everythingChanged();
}

/** Anything may have changed (the database was edited outside the app). */
export function everythingChanged() {
  expire({ renderThisPage: true }, "/", "layout");
}

/**
 * The comment rules were saved. No page shows them; the tag reaches the other server
 * processes through the shared expiry log, and they read the rules again.
 */
export function commentSettingsChanged() {
  revalidateTag(COMMENT_SETTINGS_TAG, { expire: 0 });
}

/**
 * everythingChanged for work that ends outside any request (an import started from
 * /admin/move finishes after its upload was answered, where revalidateTag has no request
 * to attach to): expires every page here through the cache handler, as an expiry from
 * another process would, and writes it to the shared log for the other processes.
 */
export async function everythingChangedInBackground() {
  applyExpiry([EVERYTHING_TAG]);
  await publishExpiry([EVERYTHING_TAG]);
}
