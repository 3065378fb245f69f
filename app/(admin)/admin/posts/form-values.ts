import type { AdminPostDetail } from "@/lib/data/admin-posts";
import { formatZonedDateTime } from "@/lib/text/time-zone";
import type { PostFormValues } from "@/lib/validations/post";

export const NEW_POST_VALUES: PostFormValues = {
  postId: "",
  title: "",
  slug: "",
  standfirst: "",
  byline: "",
  sourceName: "",
  labels: "",
  coverImageUrl: "",
  removeCover: "",
  coverImageAlt: "",
  coverImageCaption: "",
  bodyMarkdown: "",
  publishedAt: "",
  commentsEnabled: "on",
  intent: "",
};

export function postFormValues(post: AdminPostDetail): PostFormValues {
  return {
    ...NEW_POST_VALUES,
    postId: String(post.id),
    title: post.title,
    slug: post.slug,
    standfirst: post.standfirst ?? "",
    byline: post.byline ?? "",
    sourceName: post.sourceName ?? "",
    labels: post.labels.join(", "),
    coverImageUrl: post.coverImageUrl ?? "",
    coverImageAlt: post.coverImageAlt ?? "",
    coverImageCaption: post.coverImageCaption ?? "",
    bodyMarkdown: post.bodyMarkdown,
    publishedAt: post.publishedAt ? formatZonedDateTime(post.publishedAt) : "",
    commentsEnabled: post.commentsEnabled ? "on" : "",
  };
}
