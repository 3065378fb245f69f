import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { bloggerFeed, bloggerId, commentEntry, postEntry } from "@/tests/support/blogger-file";
import { localId, resetImports, runImport, tempFile } from "@/tests/support/imports";
import { GET } from "./route";

beforeEach(resetImports);

const at = (ms: number, post: string) =>
  GET(new NextRequest(`http://localhost/comments/at/${ms}?post=${post}`), {
    params: Promise.resolve({ at: String(ms) }),
  });

describe("Blogger's ?showComment=<ms> permalinks", () => {
  it("land on an imported comment, also when the post's address changed in the move", async () => {
    const written = "2024-07-01T08:00:00.000Z";
    await runImport(
      tempFile(
        "moved.xml",
        bloggerFeed([
          // Late on 30 June in California: July in this blog's zone, so its address changed.
          postEntry({ id: "1", slug: "late-night", published: "2024-06-30T23:30:00.000-07:00" }),
          commentEntry({ id: "10", post: "1", published: written }),
        ]),
      ),
    );
    const commentId = await localId("blogger", "comment", bloggerId("10"));
    for (const oldPath of ["/2024/06/late-night", "/2024/07/late-night"]) {
      const response = await at(Date.parse(written), oldPath);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(new RegExp(`^/2024/07/late-night.*${commentId}$`));
    }
    expect((await at(Date.parse(written), "/2024/06/never-was")).status).toBe(404);
  });
});
