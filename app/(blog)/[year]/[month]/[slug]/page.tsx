import type { Metadata } from "next";
import { DEFAULT_SORT } from "@/lib/comments/sort";
import { PostView, postMetadata } from "./post-view";

type PostPageProps = { params: Promise<{ year: string; month: string; slug: string }> };

// Rendered on first request, then cached for every reader until a change expires it.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PostPageProps): Promise<Metadata> {
  return postMetadata(params);
}

// Called, not rendered as <PostView>: the page itself answers with the redirect or the
// 404 for its path (slug-redirects.test.ts asks it directly).
export default async function PostPage({ params }: PostPageProps) {
  return PostView({ params, sort: DEFAULT_SORT });
}
