import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ImportError } from "@/lib/import/errors";
import { bloggerFeed, bloggerId, commentEntry, postEntry } from "@/tests/support/blogger-file";
import { createUser } from "@/tests/support/factories";
import { commentsOf, fixture, localId, resetImports, runImport, tempFile } from "@/tests/support/imports";

beforeEach(resetImports);

/** Every row an import writes, without ids that a rerun could not change anyway. */
async function snapshot() {
  const items = await db.importedItem.findMany({
    orderBy: { id: "asc" },
    select: { source: true, kind: true, sourceId: true, localId: true },
  });
  const postIds = items.filter((item) => item.kind === "post").map((item) => item.localId);
  return {
    items,
    posts: await db.post.findMany({
      where: { id: { in: postIds } },
      orderBy: { id: "asc" },
      omit: { updatedAt: true },
    }),
    comments: await db.comment.findMany({ where: { postId: { in: postIds } }, orderBy: { id: "asc" } }),
    redirects: await db.postRedirect.findMany({ where: { postId: { in: postIds } }, orderBy: { id: "asc" } }),
    pages: await db.page.findMany({
      where: { id: { in: items.filter((item) => item.kind === "page").map((item) => item.localId) } },
      omit: { updatedAt: true },
    }),
  };
}

async function refusal(text: string): Promise<ImportError> {
  const error = await runImport(tempFile("input.xml", text)).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe("importing the same file again", () => {
  it.each(["blogger-legacy.xml", "blogger-takeout.xml", "wordpress.xml"])(
    "changes nothing the second time (%s)",
    async (name) => {
      const first = await runImport(fixture(name));
      const before = await snapshot();
      const second = await runImport(fixture(name));
      expect(second.imported).toEqual({ posts: 0, pages: 0, comments: 0, redirects: 0 });
      expect(second.unchanged).toEqual({
        posts: first.imported.posts,
        pages: first.imported.pages,
        comments: first.imported.comments,
      });
      expect(await snapshot()).toEqual(before);
    },
  );

  it("adds only the comments that are new since the last export, under their imported parents", async () => {
    await runImport(
      tempFile("a.xml", bloggerFeed([postEntry({ id: "1" }), commentEntry({ id: "10", post: "1" })])),
    );
    const later = bloggerFeed([
      postEntry({ id: "1" }),
      commentEntry({ id: "10", post: "1" }),
      commentEntry({ id: "11", post: "1", parent: "10", published: "2024-06-21T10:00:00Z" }),
    ]);
    const report = await runImport(tempFile("b.xml", later));
    expect(report.imported.comments).toBe(1);
    const [parent, reply] = await commentsOf(await localId("blogger", "post", bloggerId("1")));
    expect(reply).toMatchObject({ parentId: parent.id, rootId: parent.id, depth: 1 });
  });
});

describe("a post that fails halfway", () => {
  it("is left out whole; the posts before and after it are in, and a rerun brings it in", async () => {
    const file = tempFile(
      "three.xml",
      bloggerFeed([
        postEntry({ id: "1", slug: "first" }),
        postEntry({ id: "2", slug: "second" }),
        postEntry({ id: "3", slug: "third" }),
        ...["20", "21", "22", "23"].map((id, i) =>
          commentEntry({ id, post: "2", parent: i > 0 ? String(19 + i) : undefined }),
        ),
        commentEntry({ id: "30", post: "3" }),
      ]),
    );
    let stored = 0;
    const report = await runImport(file, {
      onComment(comment) {
        if (comment.postSourceId === bloggerId("2") && ++stored === 3)
          throw new Error("disk full (simulated)");
      },
    });
    expect(report.failed).toEqual([
      expect.objectContaining({
        sourceId: bloggerId("2"),
        reason: "not written, with its 4 comments: disk full (simulated)",
      }),
    ]);
    expect(report.imported).toMatchObject({ posts: 2, comments: 1 });
    expect(await db.post.count({ where: { slug: "second" } })).toBe(0);
    expect(
      await db.importedItem.count({ where: { sourceId: { in: ["2", "20", "21", "22"].map(bloggerId) } } }),
    ).toBe(0);
    expect(await db.post.count({ where: { slug: { in: ["first", "third"] } } })).toBe(2);

    const rerun = await runImport(file);
    expect(rerun.imported).toMatchObject({ posts: 1, comments: 4 });
    const chain = await commentsOf(await localId("blogger", "post", bloggerId("2")));
    expect(chain.map((row) => row.depth)).toEqual([0, 1, 2, 3]);
  });
});

describe("--dry-run", () => {
  it("reports what an import would do and writes nothing", async () => {
    const dry = await runImport(fixture("blogger-legacy.xml"), { dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(await db.importedItem.count()).toBe(0);
    const real = await runImport(fixture("blogger-legacy.xml"));
    expect(dry.imported).toEqual(real.imported);
    expect(dry.warnings).toEqual(real.warnings);
  });
});

describe("--as", () => {
  it("gives the posts to an account and keeps the old author as the byline", async () => {
    const user = await createUser();
    await runImport(fixture("blogger-takeout.xml"), { authorId: user.id });
    const post = await db.post.findUniqueOrThrow({
      where: { id: await localId("blogger", "post", "tag:blogger.com,1999:blog-8002.post-300") },
    });
    expect(post).toMatchObject({ authorId: user.id, byline: "Hana" });
  });
});

describe("hostile and broken files", () => {
  it("refuses external entities (XXE) without reading them", async () => {
    const error = await refusal(`<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&xxe;</title></entry></feed>`);
    expect(error.message).toMatch(/DOCTYPE/);
    expect(error.position.line).toBe(2);
    expect(await db.importedItem.count()).toBe(0);
  });

  it("refuses an entity expansion bomb", async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`);
    const error = await refusal(`<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY lol0 "lol">${levels.join("")}]>
<feed xmlns="http://www.w3.org/2005/Atom"><title>&lol9;</title></feed>`);
    expect(error.message).toMatch(/entity declarations are refused/);
  });

  it("refuses an entity it does not know, without a DOCTYPE", async () => {
    const error = await refusal(`<feed xmlns="http://www.w3.org/2005/Atom">\n<title>&nope;</title></feed>`);
    expect(error.message).toBe("Not well-formed XML: undefined entity.");
    expect(error.position.line).toBe(2);
  });

  it("says where a file stops being XML", async () => {
    const error = await refusal(
      `<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n<title>Unclosed</entry></feed>`,
    );
    expect(error.message).toMatch(/^Not well-formed XML/);
    expect(error.position.line).toBe(3);
    expect((await refusal("this is not XML at all")).message).toMatch(/^Not well-formed XML/);
    expect((await refusal("")).message).toMatch(/root element/);
  });

  it("names the format it found when it is not one it knows", async () => {
    const error = await refusal(
      `<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`,
    );
    expect(error.message).toMatch(
      /^Not an export this importer knows \(found <html> in http:\/\/www\.w3\.org\/1999\/xhtml\)/,
    );
    expect(error.position).toMatchObject({ line: 2 });
  });
});

describe("bad items in a good file", () => {
  it("skips duplicates, posts with impossible dates (with their comments), and keeps overlong bodies", async () => {
    const longComment = "x".repeat(5000);
    const longPost = `<p>${"y".repeat(210_000)}</p>`;
    const file = tempFile(
      "mixed.xml",
      bloggerFeed([
        postEntry({ id: "1", slug: "fine", body: longPost }),
        postEntry({ id: "1", slug: "fine-again" }),
        postEntry({ id: "2", slug: "ancient", published: "0999-01-01T00:00:00Z" }),
        commentEntry({ id: "10", post: "1", body: longComment }),
        commentEntry({ id: "10", post: "1", body: "same id again" }),
        commentEntry({ id: "11", post: "1", published: "not a date" }),
        commentEntry({ id: "20", post: "2" }),
        commentEntry({ id: "30", post: "404" }),
      ]),
    );
    const report = await runImport(file);
    expect(report.imported).toMatchObject({ posts: 1, comments: 2 });
    expect(
      report.skipped.map((line) => [line.sourceId, line.reason.replace(/\S+mixed\.xml/, "FILE")]),
    ).toEqual([
      [bloggerId("1"), expect.stringMatching(/^duplicate id; first at FILE:\d+:\d+$/)],
      [bloggerId("2"), 'date "0999-01-01T00:00:00Z" unreadable or out of range (1970–9999)'],
      [bloggerId("10"), expect.stringMatching(/^duplicate id; first at FILE:\d+:\d+$/)],
      [bloggerId("20"), `its post ${bloggerId("2")} is not imported`],
      [bloggerId("30"), `its post ${bloggerId("404")} is not imported`],
    ]);
    expect(report.warnings.map((line) => line.reason)).toEqual([
      "body of 210000 characters is over the editor's 200000; kept whole",
      // Ordered as written: the undated comment takes the post's date, so it comes first.
      'date "not a date" unreadable or out of range; given the post\'s date',
      "text of 5000 characters is over the 4096 a comment may have; kept whole",
    ]);
    const comments = await commentsOf(await localId("blogger", "post", bloggerId("1")));
    expect(comments.map((row) => row.body.length)).toEqual(["Comment 11".length, 5000]);
  });
});
