import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { monthRange } from "@/lib/text/time-zone";
import { createPost } from "@/tests/support/factories";
import { getArchive } from "./archive";
import { getLabelBySlug, getLabelsWithCounts } from "./labels";
import { getPublishedPosts } from "./posts";

async function createLabel() {
  const slug = `label-${randomUUID().slice(0, 8)}`;
  return db.label.create({
    data: { name: `Label ${slug}`, slug },
    select: { id: true, slug: true, name: true },
  });
}

/** `count` published posts one hour apart under a fresh label, newest first. */
async function labelledPosts(count: number) {
  const label = await createLabel();
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const post = await createPost({
      publishedAt: new Date(Date.UTC(2023, 0, 10, i)),
      labels: { connect: { id: label.id } },
    });
    ids.unshift(post.id);
  }
  return { label, ids };
}

describe("paging", () => {
  it("pages newest first and says when older posts exist", async () => {
    const { label, ids } = await labelledPosts(7);
    const page = (n: number) => getPublishedPosts({ page: n, perPage: 3, filter: { labelSlug: label.slug } });
    const first = await page(1);
    expect(first.posts.map((p) => p.id)).toEqual(ids.slice(0, 3));
    expect(first.hasOlder).toBe(true);
    expect((await page(2)).posts.map((p) => p.id)).toEqual(ids.slice(3, 6));
    const last = await page(3);
    expect(last.posts.map((p) => p.id)).toEqual(ids.slice(6));
    expect(last.hasOlder).toBe(false);
    expect((await page(4)).posts).toEqual([]);
  });

  it("has no older link when the last page is exactly full", async () => {
    const { label } = await labelledPosts(6);
    const second = await getPublishedPosts({ page: 2, perPage: 3, filter: { labelSlug: label.slug } });
    expect(second.posts).toHaveLength(3);
    expect(second.hasOlder).toBe(false);
  });

  it("lists only published posts whose time has come", async () => {
    const label = await createLabel();
    const connect = { labels: { connect: { id: label.id } } };
    const visible = await createPost(connect);
    await createPost({ ...connect, status: "draft" });
    await createPost({ ...connect, publishedAt: new Date(Date.now() + 3_600_000) });
    const { posts } = await getPublishedPosts({ page: 1, perPage: 10, filter: { labelSlug: label.slug } });
    expect(posts.map((p) => p.id)).toEqual([visible.id]);
  });

  it("counts live comments only", async () => {
    const label = await createLabel();
    const post = await createPost({ labels: { connect: { id: label.id } } });
    await db.comment.createMany({
      data: [
        { postId: post.id, authorName: "a", body: "x" },
        { postId: post.id, authorName: "b", body: "y", deletedAt: new Date() },
      ],
    });
    const { posts } = await getPublishedPosts({ page: 1, perPage: 10, filter: { labelSlug: label.slug } });
    expect(posts[0].commentCount).toBe(1);
  });
});

describe("labels", () => {
  it("counts readable posts per label and hides labels without any", async () => {
    const { label } = await labelledPosts(2);
    const draftsOnly = await createLabel();
    await createPost({ status: "draft", labels: { connect: { id: draftsOnly.id } } });
    const labels = await getLabelsWithCounts();
    expect(labels.find((l) => l.slug === label.slug)).toEqual({
      name: label.name,
      slug: label.slug,
      postCount: 2,
    });
    expect(labels.find((l) => l.slug === draftsOnly.slug)).toBeUndefined();
    expect(await getLabelBySlug(label.slug)).toEqual({ name: label.name, slug: label.slug });
    expect(await getLabelBySlug("no-such-label")).toBeNull();
  });
});

describe("archive", () => {
  // Years no other test in this file uses.
  it("files a post by the month of its permalink in the blog's time zone", async () => {
    const post = await createPost({ publishedAt: new Date("1987-06-30T17:30:00Z") });
    const year = (await getArchive()).find((y) => y.year === "1987");
    expect(year?.months).toEqual([{ year: "1987", month: "07", postCount: 1 }]);

    const july = await getPublishedPosts({ page: 1, perPage: 10, filter: monthRange(1987, 7) });
    expect(july.posts.map((p) => p.id)).toEqual([post.id]);
    expect(july.posts[0].path).toBe(`/1987/07/${post.slug}`);
    const june = await getPublishedPosts({ page: 1, perPage: 10, filter: monthRange(1987, 6) });
    expect(june.posts).toEqual([]);
  });

  it("includes a post at the first instant of a month and excludes the first instant of the next", async () => {
    const { start, end } = monthRange(1988, 2);
    const first = await createPost({ publishedAt: start });
    await createPost({ publishedAt: end });
    const feb = await getPublishedPosts({ page: 1, perPage: 10, filter: monthRange(1988, 2) });
    expect(feb.posts.map((p) => p.id)).toEqual([first.id]);
  });

  it("groups years and months newest first with counts", async () => {
    await createPost({ publishedAt: new Date("1989-03-05T00:00:00Z") });
    await createPost({ publishedAt: new Date("1989-03-09T00:00:00Z") });
    await createPost({ publishedAt: new Date("1989-11-01T00:00:00Z") });
    await createPost({ publishedAt: new Date("1989-12-01T00:00:00Z"), status: "draft" });
    const year = (await getArchive()).find((y) => y.year === "1989");
    expect(year).toEqual({
      year: "1989",
      postCount: 3,
      months: [
        { year: "1989", month: "11", postCount: 1 },
        { year: "1989", month: "03", postCount: 2 },
      ],
    });
  });
});
