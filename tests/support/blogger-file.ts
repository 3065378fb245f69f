/**
 * Small Blogger backups (legacy Atom) written by tests: posts and comments with just the
 * elements the importer reads, so a test says only what it is about.
 */
export type TestPost = { id: string; title?: string; published?: string; body?: string; slug?: string };
export type TestComment = {
  id: string;
  post: string;
  parent?: string;
  author?: string;
  published?: string;
  body?: string;
};

const BLOG = "tag:blogger.com,1999:blog-99";
const KIND = "http://schemas.google.com/blogger/2008/kind#";

export function bloggerId(id: string): string {
  return `${BLOG}.post-${id}`;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;");
}

export function postEntry(post: TestPost): string {
  const slug = post.slug ?? `post-${post.id}`;
  return `<entry><id>${bloggerId(post.id)}</id><published>${post.published ?? "2024-06-19T10:00:00.000Z"}</published>
<category scheme='http://schemas.google.com/g/2005#kind' term='${KIND}post'/><title type='text'>${escape(post.title ?? `Post ${post.id}`)}</title>
<content type='html'>${escape(post.body ?? "<p>Body</p>")}</content>
<link rel='alternate' type='text/html' href='https://t.blogspot.com/2024/06/${slug}.html'/><author><name>Writer</name></author></entry>\n`;
}

export function commentEntry(comment: TestComment): string {
  const related = comment.parent
    ? `<link rel='related' type='application/atom+xml' href='https://www.blogger.com/feeds/99/${comment.post}/comments/default/${comment.parent}'/>`
    : "";
  return `<entry><id>${bloggerId(comment.id)}</id><published>${comment.published ?? "2024-06-20T10:00:00.000Z"}</published>
<category scheme='http://schemas.google.com/g/2005#kind' term='${KIND}comment'/><content type='html'>${escape(comment.body ?? `Comment ${comment.id}`)}</content>${related}
<author><name>${escape(comment.author ?? "Reader")}</name></author><thr:in-reply-to ref='${bloggerId(comment.post)}' type='text/html'/></entry>\n`;
}

export function bloggerFeed(entries: string[]): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:gd='http://schemas.google.com/g/2005' xmlns:thr='http://purl.org/syndication/thread/1.0'>
<id>${BLOG}</id>
${entries.join("")}</feed>
`;
}
