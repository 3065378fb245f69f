import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MATCH_CLOSE, MATCH_OPEN } from "@/lib/search/highlight";
import { createPost } from "@/tests/support/factories";
import { searchPosts } from "./search";

/** A word no other post contains, so tests sharing the database do not see each other. */
const uniqueWord = () => `w${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const search = (q: string) => searchPosts(q, { page: 1, perPage: 10 });
const ids = async (q: string) => (await search(q)).hits.map((hit) => hit.id);

describe("searchPosts", () => {
  it("ranks a title match above a body-only match and marks the matches", async () => {
    const word = uniqueWord();
    const inBody = await createPost({
      title: "Unrelated",
      bodyMarkdown: `Long text that mentions ${word} once among other words.`,
    });
    const inTitle = await createPost({ title: `About ${word}`, bodyMarkdown: "Nothing else." });
    const { hits } = await search(word.toUpperCase());
    expect(hits.map((hit) => hit.id)).toEqual([inTitle.id, inBody.id]);
    expect(hits[0].markedTitle).toBe(`About ${MATCH_OPEN}${word}${MATCH_CLOSE}`);
    expect(hits[1].markedSnippet).toContain(`${MATCH_OPEN}${word}${MATCH_CLOSE}`);
    expect(hits[1].path).toMatch(/^\/2024\/06\//);
  });

  it("requires every word of the query", async () => {
    const [a, b] = [uniqueWord(), uniqueWord()];
    const both = await createPost({ bodyMarkdown: `${a} and ${b}` });
    await createPost({ bodyMarkdown: `${a} alone` });
    expect(await ids(`${a} ${b}`)).toEqual([both.id]);
  });

  it("follows inserts, updates and deletes through the triggers", async () => {
    const [before, after] = [uniqueWord(), uniqueWord()];
    const post = await createPost({ bodyMarkdown: `first ${before}` });
    expect(await ids(before)).toEqual([post.id]);
    await db.post.update({ where: { id: post.id }, data: { bodyMarkdown: `second ${after}` } });
    expect(await ids(before)).toEqual([]);
    expect(await ids(after)).toEqual([post.id]);
    await db.post.update({ where: { id: post.id }, data: { title: `renamed ${before}` } });
    expect(await ids(before)).toEqual([post.id]);
    await db.post.delete({ where: { id: post.id } });
    expect(await ids(before)).toEqual([]);
    expect(await ids(after)).toEqual([]);
  });

  it("never returns drafts, unpublished or future posts", async () => {
    const word = uniqueWord();
    await createPost({ bodyMarkdown: word, status: "draft" });
    await createPost({ bodyMarkdown: word, publishedAt: new Date(Date.now() + 60_000) });
    const published = await createPost({ bodyMarkdown: word });
    expect(await ids(word)).toEqual([published.id]);
    await db.post.update({ where: { id: published.id }, data: { status: "draft" } });
    expect(await ids(word)).toEqual([]);
  });

  it("keeps the index intact", async () => {
    await expect(
      db.$executeRaw`INSERT INTO "PostSearch" ("PostSearch") VALUES ('integrity-check')`,
    ).resolves.toBeDefined();
  });

  it.each([
    ['"', 'quote "unbalanced'],
    ["star", "*"],
    ["prefix star", "war*"],
    ["NEAR", "NEAR(a b, 2)"],
    ["minus", "-putin"],
    ["parens", "((a OR b"],
    ["operators", "AND OR NOT"],
    ["column filter", "title:foo"],
    ["caret", "^start"],
    ["empty", ""],
    ["spaces", "    "],
    ["punctuation only", "!!! ??? ..."],
    ["sql", "'; DROP TABLE Post; --"],
    ["private-use markers", `${MATCH_OPEN}x${MATCH_CLOSE}`],
    ["1000 chars", "a(b".repeat(334)],
    ["emoji and CJK", "💣 朝鲜 Pyongyang"],
  ])("does not throw on hostile input: %s", async (_name, query) => {
    await expect(search(query)).resolves.toMatchObject({ hits: expect.any(Array) });
  });

  it("treats operators as plain words", async () => {
    const word = uniqueWord();
    const post = await createPost({ bodyMarkdown: `${word} near the end` });
    expect(await ids(`"${word}" NEAR`)).toEqual([post.id]);
    expect(await ids(`-${word}`)).toEqual([post.id]);
  });

  it("pages results", async () => {
    const word = uniqueWord();
    for (let i = 0; i < 3; i++) await createPost({ bodyMarkdown: word });
    const first = await searchPosts(word, { page: 1, perPage: 2 });
    const second = await searchPosts(word, { page: 2, perPage: 2 });
    expect(first.hits).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    expect(second.hits).toHaveLength(1);
    expect(second.hasMore).toBe(false);
  });
});
