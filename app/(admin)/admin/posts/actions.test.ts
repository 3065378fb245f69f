import { describe, expect, it } from "vitest";
import { signInAs } from "@/tests/support/session";
import { formData, runAction } from "@/tests/support/actions";
import { createPost, createUser, uniqueSlug } from "@/tests/support/factories";
import { imageFile, JPEG_HEADER, PNG_1X1, SVG } from "@/tests/support/images";
import { UPLOAD_MESSAGES } from "@/lib/uploads/save-image";
import { db } from "@/lib/db";
import { listAdminPosts } from "@/lib/data/admin-posts";
import { savePostAction } from "./actions";

const fields = (overrides: Record<string, string | File> = {}) =>
  formData({
    postId: "",
    title: "A day in the archive",
    slug: "",
    standfirst: "",
    byline: "",
    sourceName: "",
    labels: "",
    coverImageUrl: "",
    coverImageAlt: "",
    coverImageCaption: "",
    bodyMarkdown: "Some **Markdown**.",
    publishedAt: "",
    commentsEnabled: "on",
    intent: "draft",
    ...overrides,
  });

const save = (overrides: Record<string, string | File> = {}) =>
  runAction(() => savePostAction({ status: "idle" }, fields(overrides)));

async function signInAdmin() {
  const admin = await createUser({ role: "admin" });
  signInAs(admin.id);
  return admin;
}

/** Posts a save could have stored: every test's attempts carry a title or slug of its own. */
const postsWith = (where: { title?: string; slug?: string }) => db.post.count({ where });

function savedId(result: Awaited<ReturnType<typeof save>>): number {
  if (!("redirectTo" in result)) throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
  const match = /^\/admin\/posts\/(\d+)\?notice=saved$/.exec(result.redirectTo);
  if (!match) throw new Error(`unexpected redirect ${result.redirectTo}`);
  return Number(match[1]);
}

describe("savePostAction authorization", () => {
  const outsiders = {
    commenter: async () => (await createUser()).id,
    moderator: async () => (await createUser({ role: "moderator" })).id,
    "banned admin": async () => (await createUser({ role: "admin", bannedAt: new Date() })).id,
  };

  it("a signed-out request changes nothing and keeps the text", async () => {
    const existing = await createPost({ title: "Untouched" });
    const title = `Sneaky ${uniqueSlug()}`;
    const created = await save({ title });
    const updated = await save({
      postId: String(existing.id),
      title,
      slug: existing.slug,
      intent: "publish",
    });
    for (const result of [created, updated]) {
      expect(result.status).toBe("error");
      if ("values" in result) expect(result.values?.title).toBe(title);
    }
    expect(await postsWith({ title })).toBe(0);
    expect((await db.post.findUniqueOrThrow({ where: { id: existing.id } })).title).toBe("Untouched");
  });

  for (const [who, makeUser] of Object.entries(outsiders)) {
    it(`a ${who} can neither create nor edit posts`, async () => {
      const existing = await createPost({ title: "Untouched" });
      signInAs(await makeUser());
      const title = `Sneaky ${uniqueSlug()}`;
      // Refused as an answer that keeps the text, not a thrown error (a 500 page).
      const attempts: Record<string, string | File>[] = [
        { title },
        { postId: String(existing.id), title, slug: existing.slug },
        { title, coverImage: imageFile(PNG_1X1) },
      ];
      for (const attempt of attempts)
        expect(await save(attempt)).toMatchObject({
          status: "error",
          formError:
            who === "banned admin" ? expect.stringMatching(/banned/) : expect.stringMatching(/not allowed/),
          values: { title },
        });
      expect(await postsWith({ title })).toBe(0);
      expect((await db.post.findUniqueOrThrow({ where: { id: existing.id } })).title).toBe("Untouched");
    });
  }
});

describe("savePostAction for an admin", () => {
  it("creates a draft with an automatic slug, labels and only the fields the form may set", async () => {
    const admin = await signInAdmin();
    const title = `Rain in ${uniqueSlug("Penang")}`;
    // Label names of this test's own, whatever other tests in this file create.
    const tag = uniqueSlug("tag");
    const labels = `Zeta ${tag}, eta ${tag},  ZETA ${tag} , Eta ${tag}`;
    const id = savedId(
      await save({ title, labels, viewCount: "999", authorId: "someone-else", status: "published" }),
    );
    const post = await db.post.findUniqueOrThrow({ where: { id }, include: { labels: true } });
    expect(post.slug).toBe(title.toLowerCase().replace(/ /g, "-"));
    expect(post.status).toBe("draft");
    expect(post.publishedAt).toBeNull();
    expect(post.viewCount).toBe(0);
    expect(post.authorId).toBe(admin.id);
    expect(post.labels.map((label) => label.name).sort()).toEqual([`Zeta ${tag}`, `eta ${tag}`]);
    expect(post.labels.map((label) => label.slug).sort()).toEqual([`eta-${tag}`, `zeta-${tag}`]);
  });

  it("publishes now, or schedules for a future time in the blog's zone", async () => {
    await signInAdmin();
    const now = savedId(await save({ title: "Now", slug: uniqueSlug(), intent: "publish" }));
    const later = savedId(
      await save({ title: "Later", slug: uniqueSlug(), intent: "publish", publishedAt: "2099-01-01T09:00" }),
    );
    const rows = await listAdminPosts();
    expect(rows.find((row) => row.id === now)?.state).toBe("published");
    const scheduled = rows.find((row) => row.id === later);
    expect(scheduled?.state).toBe("scheduled");
    expect(scheduled?.publishedAt?.toISOString()).toBe("2099-01-01T01:00:00.000Z");
    expect(scheduled?.path).toBeNull();
  });

  it("keeps combining marks in slugs, typed or made from the title, and stores them composed", async () => {
    await signInAdmin();
    const tag = uniqueSlug("t");
    const fromTitle = savedId(await save({ title: `नमस्ते दुनिया ${tag}` }));
    expect((await db.post.findUniqueOrThrow({ where: { id: fromTitle } })).slug).toBe(`नमस्ते-दुनिया-${tag}`);
    const typed = savedId(await save({ slug: `안녕-${tag}`.normalize("NFD") }));
    expect((await db.post.findUniqueOrThrow({ where: { id: typed } })).slug).toBe(`안녕-${tag}`);
    const hindi = savedId(await save({ slug: `हिन्दी-${tag}` }));
    expect((await db.post.findUniqueOrThrow({ where: { id: hindi } })).slug).toBe(`हिन्दी-${tag}`);
  });

  it("refuses a taken slug with a field error and stores nothing", async () => {
    await signInAdmin();
    const existing = await createPost();
    const title = `Another ${uniqueSlug()}`;
    const result = await save({ title, slug: existing.slug });
    expect(result).toMatchObject({ status: "error", fieldErrors: { slug: "That slug is taken" } });
    expect(await postsWith({ title })).toBe(0);
    expect(await postsWith({ slug: existing.slug })).toBe(1);
  });

  it("explains invalid input field by field", async () => {
    await signInAdmin();
    const result = await save({
      title: "  ",
      slug: "Not A Slug!",
      bodyMarkdown: " ",
      publishedAt: "2024-02-30T10:00",
      coverImageUrl: "javascript:alert(1)",
    });
    expect(result.status).toBe("error");
    if (!("fieldErrors" in result)) throw new Error("expected field errors");
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "bodyMarkdown",
      "coverImageUrl",
      "slug",
      "title",
    ]);
    const badDate = await save({ slug: uniqueSlug(), publishedAt: "2024-02-30T10:00" });
    expect(badDate).toMatchObject({ fieldErrors: { publishedAt: "That date does not exist." } });
  });

  it("removes U+0000 from every field before it reaches the database (PostgreSQL cannot store it)", async () => {
    await signInAdmin();
    const tag = uniqueSlug("nul");
    const id = savedId(
      await save({
        title: `Nul\u0000 ${tag}`,
        labels: `Nu\u0000ll ${tag}`,
        standfirst: "Stand\u0000first",
        bodyMarkdown: "Bo\u0000dy",
      }),
    );
    const post = await db.post.findUniqueOrThrow({ where: { id }, include: { labels: true } });
    expect(post).toMatchObject({ title: `Nul ${tag}`, standfirst: "Standfirst", bodyMarkdown: "Body" });
    expect(post.labels.map((label) => label.name)).toEqual([`Null ${tag}`]);
  });

  it("stores 20 posts saved in parallel, each new label once", async () => {
    await signInAdmin();
    const tag = uniqueSlug("burst");
    const labels = `Alpha ${tag}, Beta ${tag}, Gamma ${tag}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => save({ title: `Burst ${i} ${tag}`, labels, intent: "publish" })),
    );
    const ids = results.map(savedId);
    expect(new Set(ids).size).toBe(20);
    const stored = await db.post.findMany({ where: { id: { in: ids } }, include: { labels: true } });
    expect(stored).toHaveLength(20);
    for (const post of stored) expect(post.labels).toHaveLength(3);
    const created = await db.label.findMany({
      where: { name: { endsWith: tag } },
      include: { _count: { select: { posts: true } } },
    });
    expect(created.map((label) => [label.name, label._count.posts]).sort()).toEqual([
      [`Alpha ${tag}`, 20],
      [`Beta ${tag}`, 20],
      [`Gamma ${tag}`, 20],
    ]);
  });

  it("of 20 posts saved in parallel with one slug, stores one and tells the others it is taken", async () => {
    await signInAdmin();
    const slug = uniqueSlug("contested");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => save({ title: `Contested ${i}`, slug, labels: `Label ${slug}` })),
    );
    expect(results.filter((result) => "redirectTo" in result)).toHaveLength(1);
    const refused = results.filter((result) => !("redirectTo" in result));
    expect(refused).toHaveLength(19);
    for (const result of refused)
      expect(result).toMatchObject({ fieldErrors: { slug: "That slug is taken" } });
    expect(await postsWith({ slug })).toBe(1);
  });

  it("stores an uploaded cover image and refuses an SVG one", async () => {
    await signInAdmin();
    const id = savedId(
      await save({
        slug: uniqueSlug(),
        coverImage: imageFile(PNG_1X1),
        coverImageAlt: "A dot",
        coverImageCaption: "(AP pic)",
      }),
    );
    const post = await db.post.findUniqueOrThrow({ where: { id } });
    expect(post.coverImageUrl).toMatch(/^\/uploads\/[a-f0-9]{32}\.png$/);
    expect(post.coverImageCaption).toBe("(AP pic)");

    const slug = uniqueSlug();
    const refused = await save({ slug, coverImage: imageFile(SVG, "x.svg", "image/svg+xml") });
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { coverImage: "Upload a JPEG, PNG, GIF or WebP image." },
    });
    expect(await postsWith({ slug })).toBe(0);
  });

  it("refuses a cover image that cannot be decoded and keeps everything else typed", async () => {
    await signInAdmin();
    const slug = uniqueSlug();
    // A JPEG's first bytes and nothing after: passes the type check, fails decoding.
    const damaged = Buffer.concat([JPEG_HEADER, Buffer.alloc(500)]);
    const refused = await save({
      slug,
      title: "Keep this title",
      bodyMarkdown: "Keep *this* text.",
      coverImageAlt: "Keep this description",
      coverImage: imageFile(damaged, "photo.jpg", "image/jpeg"),
    });
    expect(refused).toMatchObject({
      status: "error",
      fieldErrors: { coverImage: UPLOAD_MESSAGES.unreadable },
      values: {
        slug,
        title: "Keep this title",
        bodyMarkdown: "Keep *this* text.",
        coverImageAlt: "Keep this description",
      },
    });
    expect(await postsWith({ slug })).toBe(0);
  });
});
