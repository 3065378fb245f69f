import { beforeEach, describe, expect, it } from "vitest";
import { signInAs } from "@/tests/support/session";
import { formData, runAction } from "@/tests/support/actions";
import { createUser, uniqueSlug } from "@/tests/support/factories";
import PostPage from "@/app/(blog)/[year]/[month]/[slug]/page";
import { db } from "@/lib/db";
import { getPostByPermalink, getRedirectTarget } from "@/lib/data/posts";
import { savePostAction } from "./actions";

/** Saves a post (new when id is null) through the real action, as the admin. */
async function savePost(
  id: number | null,
  slug: string,
  overrides: Record<string, string> = {},
): Promise<number> {
  const result = await runAction(() =>
    savePostAction(
      { status: "idle" },
      formData({
        postId: id === null ? "" : String(id),
        title: "Moving post",
        slug,
        labels: "",
        coverImageUrl: "",
        bodyMarkdown: "Text.",
        publishedAt: "2024-06-19T13:58",
        commentsEnabled: "on",
        intent: "publish",
        ...overrides,
      }),
    ),
  );
  if (!("redirectTo" in result)) throw new Error(JSON.stringify(result));
  return Number(/\/admin\/posts\/(\d+)/.exec(result.redirectTo)![1]);
}

/** What the post page does for a path: render, redirect (with status) or 404. */
async function visit(path: string): Promise<string> {
  const [, year, month, slug] = path.split("/");
  try {
    await PostPage({ params: Promise.resolve({ year, month, slug: encodeURIComponent(slug) }) });
    return "rendered";
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT;")) {
      const [, , url, status] = digest.split(";");
      return `${status} ${decodeURI(url)}`;
    }
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "404";
    throw error;
  }
}

describe("slug changes keep old URLs working", () => {
  beforeEach(async () => signInAs((await createUser({ role: "admin" })).id));

  it("redirects the old permalink permanently after a rename, and keeps chains working", async () => {
    const [first, second, third] = [uniqueSlug("first"), uniqueSlug("second"), uniqueSlug("third")];
    const id = await savePost(null, first);
    expect(await visit(`/2024/06/${first}`)).toBe("rendered");

    await savePost(id, second);
    expect(await visit(`/2024/06/${second}`)).toBe("rendered");
    expect(await visit(`/2024/06/${first}`)).toBe(`308 /2024/06/${second}`);

    await savePost(id, third);
    expect(await visit(`/2024/06/${first}`)).toBe(`308 /2024/06/${third}`);
    expect(await visit(`/2024/06/${second}`)).toBe(`308 /2024/06/${third}`);
    expect(await db.postRedirect.count({ where: { postId: id } })).toBe(2);
  });

  it("redirects when the publish month changes", async () => {
    const slug = uniqueSlug("dated");
    const id = await savePost(null, slug);
    await savePost(id, slug, { publishedAt: "2024-07-02T09:00" });
    expect(await visit(`/2024/06/${slug}`)).toBe(`308 /2024/07/${slug}`);
  });

  it("lets a new post take an old slug: the post wins over the redirect", async () => {
    const [old, renamed] = [uniqueSlug("old"), uniqueSlug("renamed")];
    const id = await savePost(null, old);
    await savePost(id, renamed);
    expect(await visit(`/2024/06/${old}`)).toBe(`308 /2024/06/${renamed}`);

    const newcomer = await savePost(null, old, { title: "Newcomer" });
    expect(await visit(`/2024/06/${old}`)).toBe("rendered");
    expect((await getPostByPermalink("2024", "06", old))?.id).toBe(newcomer);
  });

  it("makes no redirect for drafts, and none leads to an unpublished post", async () => {
    const [draft, moved] = [uniqueSlug("draft"), uniqueSlug("moved")];
    const id = await savePost(null, draft, { intent: "draft" });
    await savePost(id, moved, { intent: "draft" });
    expect(await db.postRedirect.count({ where: { postId: id } })).toBe(0);

    const [live, next] = [uniqueSlug("live"), uniqueSlug("next")];
    const published = await savePost(null, live);
    await savePost(published, next);
    await savePost(published, next, { intent: "draft" });
    expect(await getRedirectTarget(`/2024/06/${live}`)).toBeNull();
    expect(await visit(`/2024/06/${live}`)).toBe("404");
  });

  it("keeps non-Latin slugs working through the redirect", async () => {
    const [before, after] = [`新闻-${uniqueSlug("a")}`, `新闻-${uniqueSlug("b")}`];
    const id = await savePost(null, before);
    await savePost(id, after);
    expect(await visit(`/2024/06/${before}`)).toBe(`308 /2024/06/${after}`);
  });
});
