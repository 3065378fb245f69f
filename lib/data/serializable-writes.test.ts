import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { SIGN_IN_RULES } from "@/lib/auth/sign-in-throttle";
import { createAdminPost } from "@/lib/data/admin-posts";
import { createComment } from "@/lib/data/comment-writes";
import { CounterBuffer } from "@/lib/data/counter-buffer";
import { db } from "@/lib/db";
import { dayKey } from "@/lib/text/dates";
import { onPostgres } from "@/tests/support/database-provider";
import { createComments, createPost, createUser, postWrite, uniqueSlug } from "@/tests/support/factories";

// An operator may make SERIALIZABLE the default isolation of a PostgreSQL database; then
// every clash between concurrent writes is an error (40001) the app must run again
// (lib/db/retry.ts). This file's connections run that way, before lib/db is loaded. SQLite
// serializes writes by nature: the same tests hold there as they are.
vi.hoisted(() => {
  const url = process.env.DATABASE_URL ?? "";
  if (/^postgres(ql)?:/.test(url))
    process.env.DATABASE_URL = `${url}?options=${encodeURIComponent("-c default_transaction_isolation=serializable")}`;
});

describe("concurrency-sensitive writes under SERIALIZABLE isolation", () => {
  beforeAll(async () => {
    if (!onPostgres) return;
    const [row] = await db.$queryRaw<
      { level: string }[]
    >`SELECT current_setting('transaction_isolation') AS level`;
    expect(row.level).toBe("serializable");
  });

  it("stores one comment when one user sends 20 in parallel", async () => {
    const user = await createUser();
    const post = await createPost();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createComment(
          { author: user, postId: post.id, parentId: null, body: `burst ${i}`, idempotencyKey: randomUUID() },
          { minIntervalSeconds: 15, perHour: 30 },
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "too-fast")).toHaveLength(19);
    expect(await db.comment.count({ where: { postId: post.id } })).toBe(1);
  });

  it("stores all 50 replies sent concurrently to one comment", async () => {
    const post = await createPost();
    const [parent] = await createComments(post.id, [{}]);
    const users = await Promise.all(Array.from({ length: 50 }, () => createUser()));
    const results = await Promise.all(
      users.map((user, i) =>
        createComment(
          {
            author: user,
            postId: post.id,
            parentId: parent,
            body: `reply ${i}`,
            idempotencyKey: randomUUID(),
          },
          { minIntervalSeconds: 15, perHour: 30 },
        ),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.comment.count({ where: { parentId: parent } })).toBe(50);
  });

  it("counts every visitor once when four instances flush the same views at once", async () => {
    const posts = await Promise.all([createPost(), createPost(), createPost()]);
    const day = dayKey(new Date());
    const instances = Array.from({ length: 4 }, () => new CounterBuffer("view", { intervalMs: 60_000 }));
    await Promise.all(
      instances.map(async (buffer, n) => {
        // Each instance sees the visitors in an order of its own.
        const order = Array.from({ length: 60 }, (_, i) => (n % 2 ? 59 - i : i));
        for (const post of n < 2 ? posts : posts.toReversed())
          await Promise.all(order.map((i) => buffer.record(post.id, { day, hash: `visitor-${i}` })));
      }),
    );
    await Promise.all(instances.map((buffer) => buffer.flush()));
    for (const post of posts) {
      const { viewCount } = await db.post.findUniqueOrThrow({
        where: { id: post.id },
        select: { viewCount: true },
      });
      expect(viewCount).toBe(60);
      expect(await db.postVisit.count({ where: { postId: post.id, kind: "view" } })).toBe(60);
    }
  });

  it("stores 20 posts saved in parallel, each new label once", async () => {
    const admin = await createUser({ role: "admin" });
    const tag = uniqueSlug("serial");
    const write = (i: number) =>
      postWrite({ slug: `${tag}-${i}`, title: `Post ${i}`, labels: [`One ${tag}`, `Two ${tag}`] });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createAdminPost(write(i), admin.id)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const labels = await db.label.findMany({
      where: { name: { endsWith: tag } },
      select: { _count: { select: { posts: true } } },
    });
    expect(labels.map((label) => label._count.posts)).toEqual([20, 20]);
  });

  it("counts parallel wrong passwords exactly", async () => {
    const user = await createUser({ passwordHash: await hashPassword("the right passphrase here") });
    await Promise.all(
      Array.from({ length: SIGN_IN_RULES.accountAddress.max }, (_, i) =>
        authenticateWithPassword({ email: user.email, password: `parallel ${i} guess` }, "203.0.113.77"),
      ),
    );
    expect(
      await authenticateWithPassword(
        { email: user.email, password: "the right passphrase here" },
        "203.0.113.77",
      ),
    ).toMatchObject({ reason: "throttled" });
  });
});
