import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadLiveCommentsAction } from "@/lib/comments/live-action";
import { createComments, createPost } from "@/tests/support/factories";

describe("loadLiveCommentsAction", () => {
  it("renders the post's published, live comments asked for, and nothing else", async () => {
    const [post, other] = [await createPost(), await createPost()];
    const [top, reply, held, deleted] = await createComments(post.id, [
      { body: "Top" },
      { body: "Reply", parent: 0 },
      { body: "Held" },
      { body: "Deleted" },
    ]);
    const [elsewhere] = await createComments(other.id, [{ body: "Elsewhere" }]);
    await db.comment.update({ where: { id: held }, data: { status: "held" } });
    await db.comment.update({
      where: { id: deleted },
      data: { deletedAt: new Date(), deletedReason: "author" },
    });

    const result = await loadLiveCommentsAction(
      String(post.id),
      [reply, top, held, deleted, elsewhere].join(","),
    );
    expect(result.status).toBe("success");
    expect(result.comments?.map(({ id, parentId }) => ({ id, parentId }))).toEqual([
      { id: top, parentId: null },
      { id: reply, parentId: top },
    ]);
  });

  it("refuses a list it cannot read, or too long a one", async () => {
    const post = await createPost();
    for (const ids of ["", "1,,2", "a", "0", Array.from({ length: 101 }, (_, i) => i + 1).join(",")])
      expect(await loadLiveCommentsAction(String(post.id), ids)).toMatchObject({ status: "error" });
  });
});
