import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { slugify } from "@/lib/text/slugify";
import { createPost } from "@/tests/support/factories";
import { loadPost } from "./load-post";

const load = (slug: string) => loadPost(Promise.resolve({ year: "2024", month: "06", slug }));

describe("loadPost", () => {
  it("finds a Korean post whether the URL arrives composed or decomposed", async () => {
    const slug = `안녕하세요-세계-${randomUUID().slice(0, 8)}`.normalize("NFC");
    const post = await createPost({ slug });
    expect((await load(encodeURIComponent(slug)))?.id).toBe(post.id);
    expect((await load(encodeURIComponent(slug.normalize("NFD"))))?.id).toBe(post.id);
  });

  it("finds a Hindi post by the slug made from its title, marks and all", async () => {
    const slug = slugify(`नमस्ते दुनिया ${randomUUID().slice(0, 8)}`);
    expect(slug.startsWith("नमस्ते-दुनिया-")).toBe(true);
    const post = await createPost({ slug });
    expect((await load(encodeURIComponent(slug)))?.id).toBe(post.id);
  });

  it("answers null for a malformed escape", async () => {
    expect(await load("%E0%A4%A")).toBeNull();
  });
});
