import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CommentThread } from "@/components/comments/comment-thread";
import { avatarColour } from "@/lib/avatars/avatar";
import { getThreadComments } from "@/lib/data/comments";
import { createComments, createPost, createUser } from "@/tests/support/factories";
import { Avatar } from "./avatar";

describe("Avatar", () => {
  it("draws initials on the account's colour, hidden from screen readers, with no image by default", () => {
    const html = renderToStaticMarkup(<Avatar userId="cmaccountid0000000001" name="Ada Lovelace" />);
    expect(html).toContain(">AL<");
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain(`background-color:${avatarColour("cmaccountid0000000001")}`);
    expect(html).not.toContain("<img");
  });

  it("lays a Gravatar over the initials only when given a hash: no referrer, empty alt", () => {
    const html = renderToStaticMarkup(
      <Avatar userId="cmaccountid0000000001" name="Ada" gravatarHash="abc123" />,
    );
    expect(html).toContain('src="https://gravatar.com/avatar/abc123?s=56&amp;d=blank&amp;r=g"');
    expect(html).toContain('referrerPolicy="no-referrer"');
    expect(html).toContain('alt=""');
    expect(html).toContain(">A<");
  });

  it("gives guests a neutral figure, never a colour or a Gravatar", () => {
    const html = renderToStaticMarkup(<Avatar userId={null} name="Imported Guest" gravatarHash="abc123" />);
    expect(html).toContain('data-avatar="neutral"');
    expect(html).toContain("<svg");
    expect(html).not.toContain("<img");
  });
});

describe("a thread's commenters", () => {
  it("link to their profiles, carry the Author badge on the post author's comments, and never carry an email", async () => {
    const post = await createPost();
    const writer = await createUser({ name: "The Writer" });
    const reader = await createUser({ name: "A Reader" });
    await createComments(post.id, [{ authorId: writer.id }, { authorId: reader.id, parent: 0 }, {}]);
    const comments = await getThreadComments(post.id);
    expect(JSON.stringify(comments)).not.toContain("@example.test");
    // Gravatar is off in tests (COMMENT_GRAVATAR unset).
    expect(comments.every((comment) => !comment.gravatarHash)).toBe(true);

    const html = renderToStaticMarkup(
      <CommentThread comments={comments} total={3} postPath="/2024/06/p" postAuthorId={writer.id} />,
    );
    expect(html).toContain(`href="/u/${writer.id}"`);
    expect(html).toContain(`href="/u/${reader.id}"`);
    expect(html.match(/>Author</g)).toHaveLength(1);
    expect(html.match(/data-avatar="initials"/g)).toHaveLength(2);
    expect(html.match(/data-avatar="neutral"/g)).toHaveLength(1);
    expect(html).not.toContain("gravatar.com");
  });
});
