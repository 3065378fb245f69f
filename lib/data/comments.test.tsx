import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentThread } from "@/components/comments/comment-thread";
import { countLiveComments } from "@/lib/comments/tree";
import { sqlStatementCounter } from "@/lib/db/client";
import { db } from "@/lib/db";
import { createComments, createPost } from "@/tests/support/factories";
import { getThreadComments } from "./comments";

async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = sqlStatementCounter.count;
  const result = await work();
  return { result, statements: sqlStatementCounter.count - before };
}

describe("getThreadComments", () => {
  it("loads a thread in two queries (comments, then their authors' roles) however many comments it has", async () => {
    const small = await createPost();
    await createComments(small.id, [{}, { parent: 0 }]);
    const large = await createPost();
    await createComments(
      large.id,
      Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? {} : { parent: i - 1 })),
    );

    const a = await countStatements(() => getThreadComments(small.id));
    const b = await countStatements(() => getThreadComments(large.id));
    expect(a.result).toHaveLength(2);
    expect(b.result).toHaveLength(300);
    expect(a.statements).toBe(2);
    expect(b.statements).toBe(a.statements);
  });

  it("never returns the text of a deleted comment", async () => {
    const post = await createPost();
    const [id] = await createComments(post.id, [{ body: "secret words" }, { parent: 0 }]);
    await db.comment.update({ where: { id }, data: { deletedAt: new Date(), deletedReason: "moderator" } });
    const comments = await getThreadComments(post.id);
    expect(comments[0]).toMatchObject({ body: null, deleted: "moderator" });
    expect(JSON.stringify(comments)).not.toContain("secret words");
  });

  it("renders a 5,000-comment thread", async () => {
    const post = await createPost();
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      postId: post.id,
      authorName: "Bulk",
      body: `Bulk comment ${i} https://example.com/${i}`,
      createdAt: new Date(Date.UTC(2024, 5, 19, 0, 0, 0, i)),
    }));
    await db.comment.createMany({ data: rows });
    const comments = await getThreadComments(post.id);
    const html = renderToStaticMarkup(
      <CommentThread comments={comments} total={countLiveComments(comments)} postPath="/2024/06/bulk" />,
    );
    expect(html).toContain("5000 comments:");
    expect(html.match(/<li /g)).toHaveLength(5000);
  });
});
