// The benchmark's generated content, written straight into SQLite with better-sqlite3 in
// one transaction (100,000 comments in seconds; Prisma would take minutes).
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { BENCH_USERS } from "./env.mjs";

const MAX_DEPTH = 5; // replies nest up to five levels below a top-level comment

const SENTENCES = [
  "I read the whole statement and the wording is more careful than the headlines suggest.",
  "This has been coming for years; the only surprise is the timing.",
  "Does anyone know whether the treaty text has been published in full?",
  "The sanctions regime was never watertight, and everyone in the region knew it.",
  "My grandfather lived through the last war there and he would not have believed this.",
  "Markets barely moved, which tells you how much of this was already priced in.",
  "Mutual defence clauses are only as strong as the willingness to honour them.",
  "I disagree with the previous comment, but I see where you are coming from.",
  "Good summary, although the second paragraph leaves out the shipping question.",
  "Worth remembering that both governments have domestic audiences to play to.",
  "The analysts quoted here were saying the opposite six months ago.",
  "Small correction: the meeting was on the nineteenth, not the twentieth.",
];
const CHINESE = [
  "这项协议对地区安全的影响值得关注。",
  "我认为双方都在向国内观众表态。",
  "条约全文是否已经公布？有人找到链接吗？",
];
const URLS = [
  "https://www.reuters.com/world/asia-pacific/",
  "https://en.wikipedia.org/wiki/Treaty_of_Friendship",
  "https://example.org/analysis/defence-pact?ref=commonplace",
  "https://www.bbc.com/news/world-asia",
];

function generator(seed) {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = (list) => list[Math.floor(random() * list.length)];
  return { random, pick };
}

function commentBody({ random, pick }, n) {
  const paragraphs = [];
  const count = 1 + Math.floor(random() * 3);
  for (let p = 0; p < count; p++) {
    const sentences = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(SENTENCES));
    if (random() < 0.06) sentences.push(pick(CHINESE));
    if (random() < 0.12) sentences.push(`See ${pick(URLS)} for more.`);
    paragraphs.push(sentences.join(" "));
  }
  paragraphs[0] = `#${n} ${paragraphs[0]}`;
  return paragraphs.join("\n\n");
}

export function benchUsers() {
  return Array.from({ length: BENCH_USERS }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    return { id: `benchuser${n}`, email: `bench${n}@bench.commonplace.local`, name: `Bench Reader ${n}` };
  });
}

/**
 * Adds the bench users and the big-thread posts. Fills Comment.rootId/depth when the
 * schema has them (they are being added in parallel), and works without them.
 */
export function generateContent(dbFile, posts) {
  const db = new Database(dbFile);
  db.pragma("journal_mode = WAL");
  const columns = new Set(
    db
      .prepare("PRAGMA table_info(Comment)")
      .all()
      .map((c) => c.name),
  );
  const withTree = columns.has("rootId") && columns.has("depth");
  const users = benchUsers();
  const iso = (date) => date.toISOString().replace("Z", "+00:00");
  const result = [];

  const insertUser = db.prepare(
    `INSERT INTO User (id, email, name, role, createdAt) VALUES (?, ?, ?, 'commenter', ?)`,
  );
  const insertPost = db.prepare(
    `INSERT INTO Post (slug, title, standfirst, bodyMarkdown, status, publishedAt, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, 'published', ?, ?, ?)`,
  );
  const insertComment = db.prepare(
    withTree
      ? `INSERT INTO Comment (postId, parentId, authorId, authorName, body, createdAt, deletedAt, deletedReason, rootId, depth)
         VALUES (@postId, @parentId, @authorId, @authorName, @body, @createdAt, @deletedAt, @deletedReason, @rootId, @depth)`
      : `INSERT INTO Comment (postId, parentId, authorId, authorName, body, createdAt, deletedAt, deletedReason)
         VALUES (@postId, @parentId, @authorId, @authorName, @body, @createdAt, @deletedAt, @deletedReason)`,
  );

  db.transaction(() => {
    const now = iso(new Date());
    for (const user of users) insertUser.run(user.id, user.email, user.name, now);
    for (const [index, spec] of posts.entries()) {
      const rng = generator(1000 + index);
      const published = new Date(spec.publishedAt);
      const post = insertPost.run(
        spec.slug,
        spec.title,
        `A generated thread of ${spec.comments.toLocaleString("en-US")} comments for the HTTP benchmark.`,
        `${SENTENCES.join(" ")}\n\n${SENTENCES.slice(0, 6).join(" ")}`,
        iso(published),
        iso(published),
        iso(published),
      );
      const postId = Number(post.lastInsertRowid);
      // id, depth, rootId of every comment so far; replies favour recent comments.
      const written = [];
      let firstTopLevel = null;
      for (let i = 0; i < spec.comments; i++) {
        let parent = null;
        if (written.length > 0 && rng.random() > 0.35) {
          const window = Math.min(written.length, 200);
          parent = written[written.length - 1 - Math.floor(rng.random() * window)];
          if (parent.depth >= MAX_DEPTH) parent = null;
        }
        const author = rng.random() < 0.1 ? null : rng.pick(users);
        const deleted = parent !== null && rng.random() < 0.01;
        const createdAt = new Date(published.getTime() + 60_000 + i * 7_000);
        const row = insertComment.run({
          postId,
          parentId: parent?.id ?? null,
          authorId: author?.id ?? null,
          authorName: author?.name ?? `Guest ${i % 97}`,
          body: commentBody(rng, i + 1),
          createdAt: iso(createdAt),
          deletedAt: deleted ? iso(new Date(createdAt.getTime() + 3_600_000)) : null,
          deletedReason: deleted ? "author" : null,
          rootId: parent ? (parent.rootId ?? parent.id) : null,
          depth: parent ? parent.depth + 1 : 0,
        });
        const id = Number(row.lastInsertRowid);
        written.push({
          id,
          depth: parent ? parent.depth + 1 : 0,
          rootId: parent ? (parent.rootId ?? parent.id) : null,
          deleted,
        });
        if (!parent && firstTopLevel === null) firstTopLevel = id;
      }
      // A live top-level comment to reply to in the reply benchmarks.
      const replyTarget = written.find((c) => c.depth === 0 && !c.deleted)?.id ?? firstTopLevel;
      result.push({ ...spec, id: postId, replyTarget });
    }
  })();
  db.close();
  return { users, posts: result, withTree };
}

/** The demo post's path (the seed writes it). */
/** The generated threads of `npm run bench:http` (bench:cluster uses the first). */
export const BIG_POSTS = [
  {
    key: "1k",
    slug: "bench-1k-comments",
    title: "Bench: a thread of 1,000 comments",
    comments: 1_000,
    publishedAt: "2024-05-10T04:00:00Z",
    path: "/2024/05/bench-1k-comments",
  },
  {
    key: "100k",
    slug: "bench-100k-comments",
    title: "Bench: a thread of 100,000 comments",
    comments: 100_000,
    publishedAt: "2024-05-20T04:00:00Z",
    path: "/2024/05/bench-100k-comments",
  },
];

export const SEED_PATH = "/2024/06/n-korea-russia-sign-mutual-defence-deal";

/** The demo post's id and its first live top-level comment, the reply benchmarks' target. */
export function seedPost(dbFile, seedPath = SEED_PATH) {
  const db = new Database(dbFile, { readonly: true });
  const seed = db.prepare(`SELECT id FROM Post WHERE slug = ?`).get(seedPath.split("/").pop());
  const target = db
    .prepare(
      `SELECT id FROM Comment WHERE postId = ? AND parentId IS NULL AND deletedAt IS NULL ORDER BY id LIMIT 1`,
    )
    .get(seed.id);
  db.close();
  return { id: seed.id, path: seedPath, replyTarget: target.id };
}

/** Counts what the bench users stored under the given idempotency keys. */
export function countStoredReplies(dbFile, keys) {
  const db = new Database(dbFile, { readonly: true });
  const ids = benchUsers().map((u) => u.id);
  const rows = db
    .prepare(
      `SELECT idempotencyKey, authorId, COUNT(*) AS n FROM Comment
       WHERE idempotencyKey IS NOT NULL AND authorId IN (${ids.map(() => "?").join(",")})
       GROUP BY authorId, idempotencyKey`,
    )
    .all(...ids);
  db.close();
  const wanted = new Set(keys);
  return tallyStored(
    keys,
    new Map(rows.filter((r) => wanted.has(r.idempotencyKey)).map((r) => [r.idempotencyKey, r.n])),
  );
}

/** How many acknowledged keys were stored once, more than once, or not at all. */
export function tallyStored(keys, storedByKey) {
  return {
    storedOnce: keys.filter((k) => storedByKey.get(k) === 1).length,
    duplicated: keys.filter((k) => (storedByKey.get(k) ?? 0) > 1).length,
    missing: keys.filter((k) => !storedByKey.has(k)).length,
  };
}

export const newIdempotencyKey = () => randomUUID();
