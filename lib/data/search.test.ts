import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseProvider } from "@/lib/db/url";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import { MATCH_CLOSE, MATCH_OPEN } from "@/lib/search/highlight";
import { DEFAULT_SEARCH_LANGUAGE } from "@/lib/search/languages";
import { createComments, createPost } from "@/tests/support/factories";
import { searchComments, searchPosts } from "./search";
import { pageWindow } from "./search/backend";
import { postgresSearchSql } from "./search/postgresql";
import { applySearchLanguage, indexedSearchLanguage } from "./search/postgresql-index";

/** A word no other post contains, so tests sharing the database do not see each other. */
const uniqueWord = () => `w${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const search = (q: string) => searchPosts(q, { page: 1, perPage: 10 });
const ids = async (q: string) => (await search(q)).hits.map((hit) => hit.id);
const marked = (text: string) => `${MATCH_OPEN}${text}${MATCH_CLOSE}`;
// The same behaviour on both databases; only checks of one database's indexes differ.
const onSqlite = databaseProvider(env.DATABASE_URL) === "sqlite";

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

  it.runIf(onSqlite)("keeps the index intact", async () => {
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

  it("reads words between any punctuation, and shows the text as written", async () => {
    const word = uniqueWord();
    const post = await createPost({
      bodyMarkdown: `See [the docs](https://example.org/${word}/page), <b>v1.5</b> or mail x@${word}.test!`,
    });
    for (const term of ["example", "page", "b", "5", "test", "x"])
      expect(await ids(`${term} ${word}`), term).toEqual([post.id]);
    const [hit] = (await search(word)).hits;
    expect(hit.markedSnippet).toBe(
      `See [the docs](https://example.org/${marked(word)}/page), <b>v1.5</b> or mail x@${marked(word)}.test!`,
    );
  });

  it("cuts a long body around the match, with an ellipsis where words are cut off", async () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `filler${i}`).join(" ");
    const [inside, atEnd] = [uniqueWord(), uniqueWord()];
    await createPost({ bodyMarkdown: `${filler(60)} ${inside} ${filler(60)}.` });
    await createPost({ bodyMarkdown: `${filler(60)} and at the end ${atEnd}!` });
    const [middle] = (await search(inside)).hits;
    expect(middle.markedSnippet).toMatch(
      new RegExp(`^…filler\\d+ .*${marked(inside)} filler0 .*filler\\d+…$`),
    );
    expect(middle.markedSnippet.split(" ").length).toBeLessThanOrEqual(32);
    const [end] = (await search(atEnd)).hits;
    expect(end.markedSnippet).toMatch(new RegExp(`^….* at the end ${marked(atEnd)}!$`));
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

describe("searchPosts in scripts without spaces between words", () => {
  it("finds Chinese inside a longer run, by three or more characters and by two", async () => {
    const word = uniqueWord();
    const post = await createPost({
      title: `Thread ${word}`,
      bodyMarkdown: `Mfer only read warfront news selectively.\n\nNever ever know 声东击西!`,
    });
    expect(await ids(`声东击西 ${word}`)).toEqual([post.id]);
    expect(await ids(`东击西 ${word}`)).toEqual([post.id]);
    expect(await ids(`东击 ${word}`)).toEqual([post.id]);
    expect(await ids("声东击西")).toContain(post.id);
    expect(await ids("东击")).toContain(post.id);
    expect(await ids(`西东 ${word}`)).toEqual([]);
  });

  it("marks the matched characters in the title and snippet", async () => {
    const word = uniqueWord();
    await createPost({ title: `知己知彼 ${word}`, bodyMarkdown: "兵法有云：知己知彼，百战不殆。" });
    const [long] = (await search(`知己知彼 ${word}`)).hits;
    expect(long.markedTitle).toBe(`${marked("知己知彼")} ${marked(word)}`);
    expect(long.markedSnippet).toContain(marked("知己知彼"));
    const [short] = (await search(`百战 ${word}`)).hits;
    expect(short.markedSnippet).toContain(marked("百战"));
    expect(short.markedTitle).toBe(`知己知彼 ${marked(word)}`);
  });

  it("finds Japanese and Thai without spaces, and marks two-character queries", async () => {
    const word = uniqueWord();
    const japanese = await createPost({ bodyMarkdown: `今日は東京へ行きました ${word}` });
    const thai = await createPost({ bodyMarkdown: `ข่าวการเมืองวันนี้ ${word}` });
    expect(await ids(`東京へ ${word}`)).toEqual([japanese.id]);
    expect(await ids(`東京 ${word}`)).toEqual([japanese.id]);
    expect(await ids(`การเมือง ${word}`)).toEqual([thai.id]);
    const onlyShort = await createPost({
      title: uniqueWord(),
      bodyMarkdown: `${"前文。".repeat(30)}大阪に行った`,
    });
    const [hit] = (await search("大阪")).hits.filter((h) => h.id === onlyShort.id);
    expect(hit.markedSnippet).toMatch(new RegExp(`^….*${marked("大阪")}に行った$`));
  });

  it("ranks a title match first, for long and for short terms", async () => {
    const word = uniqueWord();
    const inBody = await createPost({ title: `Body ${word}`, bodyMarkdown: "文中提到朝鲜半岛的局势。" });
    const inTitle = await createPost({ title: `朝鲜半岛 ${word}`, bodyMarkdown: "Nothing else." });
    expect(await ids(`朝鲜半岛 ${word}`)).toEqual([inTitle.id, inBody.id]);
    expect(await ids(`朝鲜 ${word}`)).toEqual([inTitle.id, inBody.id]);
  });

  it("never returns drafts or future posts, and follows edits", async () => {
    const word = uniqueWord();
    await createPost({ bodyMarkdown: `草稿声东击西 ${word}`, status: "draft" });
    await createPost({ bodyMarkdown: `未来声东击西 ${word}`, publishedAt: new Date(Date.now() + 60_000) });
    const post = await createPost({ bodyMarkdown: `已发表声东击西 ${word}` });
    expect(await ids(`声东击西 ${word}`)).toEqual([post.id]);
    expect(await ids(`东击 ${word}`)).toEqual([post.id]);
    await db.post.update({ where: { id: post.id }, data: { bodyMarkdown: `改写了 ${word}` } });
    expect(await ids(`声东击西 ${word}`)).toEqual([]);
    expect(await ids(`改写了 ${word}`)).toEqual([post.id]);
    await db.post.delete({ where: { id: post.id } });
    expect(await ids(`改写了 ${word}`)).toEqual([]);
  });

  it("keeps whole-word search for other scripts: no matches inside words", async () => {
    const word = uniqueWord();
    await createPost({ bodyMarkdown: `warfront ${word}` });
    expect(await ids(`war ${word}`)).toEqual([]);
    expect(await ids(`warfront ${word}`)).toHaveLength(1);
  });

  it.runIf(onSqlite)("keeps the trigram index intact", async () => {
    await expect(
      db.$executeRaw`INSERT INTO "PostSearchTrigram" ("PostSearchTrigram") VALUES ('integrity-check')`,
    ).resolves.toBeDefined();
  });
});

describe("searchComments", () => {
  // Wide pages: other tests may add comments with the same Chinese text at the same time.
  const commentHits = async (q: string) => (await searchComments(q, { page: 1, perPage: 100 })).hits;
  const commentIds = async (q: string) => (await commentHits(q)).map((hit) => hit.id);
  const DEMO_COMMENT =
    "Wakakakaka…\n\nMfer only read warfront news selectively.\n\nNever ever know 声东击西!";

  it("finds the demo thread's 声东击西, by all four characters and by two", async () => {
    const post = await createPost({ title: "Bulletproof Kim" });
    const [id] = await createComments(post.id, [{ body: DEMO_COMMENT }]);
    const [hit] = (await commentHits("声东击西")).filter((h) => h.id === id);
    expect(hit).toMatchObject({
      path: `/comments/${id}`,
      postTitle: "Bulletproof Kim",
      authorName: "Tester",
    });
    expect(hit.markedSnippet).toContain(`know ${marked("声东击西")}!`);
    const [short] = (await commentHits("东击")).filter((h) => h.id === id);
    expect(short.markedSnippet).toContain(`声${marked("东击")}西`);
  });

  it("finds a Latin word with a marked snippet, and leaves post results alone", async () => {
    const word = uniqueWord();
    const post = await createPost({ title: "Unrelated", bodyMarkdown: "Nothing here." });
    const [id] = await createComments(post.id, [{ body: `I said ${word.toUpperCase()} twice: ${word}.` }]);
    const [hit] = await commentHits(word);
    expect(hit.id).toBe(id);
    expect(hit.markedSnippet).toBe(`I said ${marked(word.toUpperCase())} twice: ${marked(word)}.`);
    expect(await ids(word)).toEqual([]);
  });

  it("never finds a deleted comment, and finds it again once restored", async () => {
    const word = uniqueWord();
    const post = await createPost();
    const [live, deleted] = await createComments(post.id, [
      { body: `kept ${word} 声东击西` },
      { body: `removed ${word} 声东击西` },
    ]);
    await db.comment.update({
      where: { id: deleted },
      data: { deletedAt: new Date(), deletedReason: "moderator" },
    });
    for (const q of [word, "removed", `声东击西 ${word}`, `东击 ${word}`, "东击"])
      expect(await commentIds(q), q).not.toContain(deleted);
    expect(await commentIds(`声东击西 ${word}`)).toEqual([live]);
    expect(await commentIds(`东击 ${word}`)).toEqual([live]);
    await db.comment.update({ where: { id: deleted }, data: { deletedAt: null, deletedReason: null } });
    expect(new Set(await commentIds(`东击 ${word}`))).toEqual(new Set([live, deleted]));
  });

  it("never finds comments on drafts or scheduled posts", async () => {
    const word = uniqueWord();
    const draft = await createPost({ status: "draft" });
    const scheduled = await createPost({ publishedAt: new Date(Date.now() + 60_000) });
    const published = await createPost();
    await createComments(draft.id, [{ body: `${word} 声东击西` }]);
    await createComments(scheduled.id, [{ body: `${word} 声东击西` }]);
    const [id] = await createComments(published.id, [{ body: `${word} 声东击西` }]);
    for (const q of [word, `声东击西 ${word}`, `东击 ${word}`]) expect(await commentIds(q), q).toEqual([id]);
    await db.post.update({ where: { id: published.id }, data: { status: "draft" } });
    expect(await commentIds(word)).toEqual([]);
  });

  it("follows edits and hard deletes through the triggers, and pages", async () => {
    const [before, after] = [uniqueWord(), uniqueWord()];
    const post = await createPost();
    const [first, second, third] = await createComments(post.id, [
      { body: before },
      { body: before },
      { body: before },
    ]);
    const page1 = await searchComments(before, { page: 1, perPage: 2 });
    const page2 = await searchComments(before, { page: 2, perPage: 2 });
    expect(page1).toMatchObject({ hasMore: true });
    expect(page2).toMatchObject({ hasMore: false });
    expect([...page1.hits, ...page2.hits].map((hit) => hit.id)).toEqual([third, second, first]);
    await db.comment.update({ where: { id: first }, data: { body: `edited ${after}` } });
    expect(await commentIds(after)).toEqual([first]);
    expect(await commentIds(before)).toEqual([third, second]);
    await db.comment.delete({ where: { id: third } });
    expect(await commentIds(before)).toEqual([second]);
  });

  it("shrugs off hostile input", async () => {
    for (const q of ['"', "NEAR(a b", "'; DROP TABLE Comment; --", "*", "", "💣 朝鲜"])
      await expect(searchComments(q, { page: 1, perPage: 5 }), q).resolves.toMatchObject({
        hits: expect.any(Array),
      });
  });

  it.runIf(onSqlite)("keeps both comment indexes intact", async () => {
    await expect(
      db.$executeRaw`INSERT INTO "CommentSearch" ("CommentSearch", rank) VALUES ('integrity-check', 1)`,
    ).resolves.toBeDefined();
    await expect(
      db.$executeRaw`INSERT INTO "CommentSearchTrigram" ("CommentSearchTrigram", rank) VALUES ('integrity-check', 1)`,
    ).resolves.toBeDefined();
  });
});

describe.runIf(!onSqlite)("on PostgreSQL", () => {
  const page = { page: 1, perPage: 10 };
  // Plans are read with no other condition and plain scans off, so the search condition
  // alone decides: its index if it can serve it, else a table scan.
  const everything = (terms: string[]) => ({ terms, filter: Prisma.sql`TRUE`, window: pageWindow(page) });

  async function plan(statement: Prisma.Sql): Promise<string> {
    const [, , rows] = await db.$transaction([
      db.$executeRaw`SET LOCAL enable_seqscan = off`,
      db.$executeRaw`SET LOCAL enable_indexscan = off`,
      db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${statement}`,
    ]);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  }

  it("searches through the GIN indexes: words and substrings, posts and comments", async () => {
    const sql = postgresSearchSql;
    expect(await plan(sql.postsByWords(everything(["putin", "kim"])))).toContain(
      "Bitmap Index Scan on posts_words",
    );
    expect(await plan(sql.commentsByWords(everything(["putin"])))).toContain(
      "Bitmap Index Scan on comments_words",
    );
    expect(await plan(sql.postsBySubstrings(everything(["声东击西", "东击"])))).toContain(
      'Bitmap Index Scan on "Post_search_trigrams"',
    );
    expect(await plan(sql.commentsBySubstrings(everything(["东击西"])))).toContain(
      'Bitmap Index Scan on "Comment_search_trigrams"',
    );
  });

  it("keeps every post's and comment's stored words in step with its text", async () => {
    const post = await createPost({ title: uniqueWord(), standfirst: "A standfirst." });
    const [comment] = await createComments(post.id, [{ body: "First words." }]);
    await db.post.update({ where: { id: post.id }, data: { standfirst: null, bodyMarkdown: "New body." } });
    await db.comment.update({ where: { id: comment }, data: { body: "Edited words." } });
    const [{ posts, comments }] = await db.$queryRaw<{ posts: number; comments: number }[]>`
      SELECT (SELECT count(*)::int FROM "Post" p
              LEFT JOIN commonplace_search.posts indexed ON indexed.post_id = p."id"
              WHERE indexed.words IS DISTINCT FROM commonplace_search.post_words(
                indexed.language, p."title", p."standfirst", p."bodyMarkdown")) AS "posts",
             (SELECT count(*)::int FROM "Comment" c
              LEFT JOIN commonplace_search.comments indexed ON indexed.comment_id = c."id"
              WHERE indexed.words IS DISTINCT FROM commonplace_search.comment_words(indexed.language, c."body"))
             AS "comments"`;
    expect({ posts, comments }).toEqual({ posts: 0, comments: 0 });
    await db.post.delete({ where: { id: post.id } });
    const [left] = await db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM commonplace_search.comments WHERE comment_id = ${comment}`;
    expect(left.count).toBe(0);
  });

  it("reads words in the language SEARCH_LANGUAGE names once applied: stems, and marks what matched", async () => {
    const word = uniqueWord();
    const post = await createPost({ title: `She runs ${word}`, bodyMarkdown: "The horses were running." });
    const query = `running horse ${word}`;
    expect(await indexedSearchLanguage(db)).toBe(DEFAULT_SEARCH_LANGUAGE);
    expect(await ids(query)).toEqual([]);
    try {
      const reread = await applySearchLanguage(db, "english");
      expect(reread.posts).toBeGreaterThan(0);
      expect(await applySearchLanguage(db, "english")).toEqual({ posts: 0, comments: 0 });
      expect(await indexedSearchLanguage(db)).toBe("english");
      const { hits } = await search(query);
      expect(hits.map((hit) => hit.id)).toEqual([post.id]);
      expect(hits[0].markedTitle).toBe(`She ${marked("runs")} ${marked(word)}`);
      expect(hits[0].markedSnippet).toBe(`The ${marked("horses")} were ${marked("running")}.`);
      // A post written now is read in the new language by the trigger.
      const later = await createPost({ bodyMarkdown: `Horses ran ${word}.` });
      expect(await ids(`horse ${word}`)).toEqual([post.id, later.id]);
      // English drops its stop words: a query of only those finds nothing, quietly.
      expect(await ids("the were")).toEqual([]);
    } finally {
      await applySearchLanguage(db, DEFAULT_SEARCH_LANGUAGE);
    }
    expect(await ids(query)).toEqual([]);
  });
});
