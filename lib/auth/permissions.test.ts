import { describe, expect, it } from "vitest";
import { mayBanUser, mayDeleteComment, refusalFor } from "@/lib/auth/permissions";

const person = (role: string, id = role, banned = false) => ({ id, role, banned });

describe("the rule book", () => {
  it("says in which capacity someone may delete a comment", () => {
    const mine = { authorId: "commenter" };
    expect(mayDeleteComment(person("commenter"), mine)).toBe("author");
    expect(mayDeleteComment(person("commenter"), { authorId: "else" })).toBeNull();
    expect(mayDeleteComment(person("commenter"), { authorId: null })).toBeNull();
    expect(mayDeleteComment(person("commenter", "commenter", true), mine)).toBeNull();
    expect(mayDeleteComment(person("moderator"), mine)).toBe("moderator");
    expect(mayDeleteComment(person("moderator"), { authorId: "moderator" })).toBe("author");
    // A cached page knows only whether the viewer wrote it.
    expect(mayDeleteComment({ role: "commenter", banned: false }, { own: true })).toBe("author");
    expect(mayDeleteComment(null, { own: true })).toBeNull();
  });

  it("lets moderators ban commenters, admins ban moderators, and nobody ban admins or themselves", () => {
    expect(mayBanUser(person("moderator"), person("commenter"))).toBe(true);
    expect(mayBanUser(person("moderator"), person("moderator", "other"))).toBe(false);
    expect(mayBanUser(person("admin"), person("moderator"))).toBe(true);
    expect(mayBanUser(person("admin"), person("admin", "other"))).toBe(false);
    expect(mayBanUser(person("moderator"), person("moderator"))).toBe(false);
    expect(mayBanUser(person("commenter"), person("commenter", "other"))).toBe(false);
    expect(mayBanUser(person("moderator", "m", true), person("commenter"))).toBe(false);
  });

  it("explains a refusal", () => {
    expect(refusalFor(null, "create:comment")).toBe("signed-out");
    expect(refusalFor(person("commenter", "c", true), "create:comment")).toBe("banned");
    expect(refusalFor(person("commenter"), "write:post")).toBe("forbidden");
    expect(refusalFor(person("admin"), "write:post")).toBeNull();
  });
});
