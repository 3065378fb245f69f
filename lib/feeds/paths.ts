import { config } from "@/lib/config";

/** Feed URLs, Blogger's where Blogger has one, so existing subscriptions keep working. */
export const feedPaths = {
  postsAtom: "/feeds/posts/default",
  postsRss: "/feeds/posts/default?alt=rss",
  postsRssAlias: "/feed.xml",
  commentsAtom: "/feeds/comments/default",
  postCommentsAtom: (postId: number) => `/feeds/${postId}/comments/default`,
} as const;

/** `alternates` for Next metadata: autodiscovery links, plus a canonical URL if given. */
export function feedAlternates({
  canonical,
  postId,
  postTitle,
}: { canonical?: string; postId?: number; postTitle?: string } = {}) {
  const atom: { url: string; title: string }[] = [
    { url: feedPaths.postsAtom, title: `${config.title} - Atom` },
    { url: feedPaths.commentsAtom, title: `${config.title} - Comments (Atom)` },
  ];
  if (postId !== undefined)
    atom.push({ url: feedPaths.postCommentsAtom(postId), title: `${postTitle ?? "Post"} - Comments (Atom)` });
  return {
    ...(canonical ? { canonical } : {}),
    types: {
      "application/atom+xml": atom,
      "application/rss+xml": [{ url: feedPaths.postsRssAlias, title: `${config.title} - RSS` }],
    },
  };
}
