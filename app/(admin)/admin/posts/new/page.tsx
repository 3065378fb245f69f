import type { Metadata } from "next";
import { requireAuthor } from "@/lib/auth/require-author";
import { config } from "@/lib/config";
import { NEW_POST_VALUES } from "../form-values";
import { PostForm } from "../post-form";

export const metadata: Metadata = { title: "New post", robots: { index: false } };

export default async function NewPostPage() {
  await requireAuthor("/admin/posts/new");
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">New post</h1>
      <PostForm initial={NEW_POST_VALUES} published={false} timeZone={config.timeZone} />
    </>
  );
}
