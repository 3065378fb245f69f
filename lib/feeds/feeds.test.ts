import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { GET as wholeBlogFeed } from "@/app/feeds/[scope]/[format]/route";
import { GET as postCommentsFeed } from "@/app/feeds/[scope]/comments/default/route";
import { db } from "@/lib/db";
import { createComments, createPost } from "@/tests/support/factories";
import { el, escapeXml, renderXml } from "./xml";

// Stored text: every control character a database keeps. U+0000 never gets that far
// (form fields lose it, PostgreSQL could not store it: lib/text/unicode.ts), and Prisma
// cannot store a lone surrogate, so only the writer itself is tested with those two.
const HOSTILE = `Tom & Jerry <script>alert("x")</script> 'quoted' \u0001\u0008\u000B\u001F\uFFFE end`;
const HOSTILE_UNSTORABLE = `${HOSTILE}\u0000\uD800`;
const CLEAN = `Tom & Jerry <script>alert("x")</script> 'quoted'  end`;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  isArray: (name) => ["entry", "item", "category", "link"].includes(name),
});

const feed = (scope: string, format: string) =>
  wholeBlogFeed(new Request("http://localhost/"), { params: Promise.resolve({ scope, format }) });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

async function fetchXml(response: Response | Promise<Response>) {
  const res = await response;
  expect(res.status).toBe(200);
  return { type: res.headers.get("content-type"), doc: parse(await res.text()) };
}

describe("xml writer", () => {
  it("escapes markup and drops characters XML 1.0 forbids", () => {
    const xml = renderXml(
      el("feed", { title: HOSTILE_UNSTORABLE }, el("title", {}, HOSTILE_UNSTORABLE), el("empty")),
    );
    const doc = parse(xml);
    expect(doc.feed.title).toBe(CLEAN);
    expect(doc.feed["@title"]).toBe(CLEAN);
    expect(xml).not.toContain("<script>");
    expect(escapeXml("emoji 💣 and 朝鲜 stay")).toBe("emoji 💣 and 朝鲜 stay");
  });
});

describe("feeds", () => {
  async function hostilePost() {
    const post = await createPost({
      title: HOSTILE,
      bodyMarkdown: "Body with **bold** and [a link](/p/about) & <b>raw html</b>.",
      publishedAt: new Date(Date.now() - 1000),
      labels: {
        connectOrCreate: {
          where: { slug: "feed-test" },
          create: { name: "Feeds & <Things>", slug: "feed-test" },
        },
      },
    });
    const [live, deleted] = await createComments(post.id, [
      { body: "A <b>live</b> comment & more" },
      { body: "secret deleted words" },
    ]);
    // Newest in the database, so they are inside the whole-blog feed's 50 entries whatever other tests here add.
    await db.comment.updateMany({
      where: { id: { in: [live, deleted] } },
      data: { createdAt: new Date(Date.now() + 1000) },
    });
    await db.comment.update({
      where: { id: deleted },
      data: { deletedAt: new Date(), deletedReason: "moderator" },
    });
    return { post, live, deleted };
  }

  it("serves the posts as valid Atom with escaped titles and HTML content", async () => {
    const { post } = await hostilePost();
    const { type, doc } = await fetchXml(feed("posts", "default"));
    expect(type).toBe("application/atom+xml; charset=utf-8");
    const entry = doc.feed.entry.find((e: { id: string }) => e.id.endsWith(`:post-${post.id}`));
    expect(entry.title["#text"]).toBe(CLEAN);
    expect(entry.category.map((c: { "@term": string }) => c["@term"])).toEqual(["Feeds & <Things>"]);
    expect(entry.content["#text"]).toContain("<strong>bold</strong>");
    expect(entry.content["#text"]).toMatch(/href="http[^"]+\/p\/about"/);
    expect(entry.content["#text"]).not.toContain("<b>raw html</b>");
    const links = Object.fromEntries(entry.link.map((l: Record<string, string>) => [l["@rel"], l["@href"]]));
    expect(links.alternate).toMatch(new RegExp(`/${post.slug}$`));
    expect(links.replies).toMatch(new RegExp(`/feeds/${post.id}/comments/default$`));
  });

  it("serves RSS 2.0 at /feeds/posts/rss (next.config.ts rewrites /feed.xml and ?alt=rss there)", async () => {
    const { post } = await hostilePost();
    for (const response of [feed("posts", "rss")]) {
      const { type, doc } = await fetchXml(response);
      expect(type).toBe("application/rss+xml; charset=utf-8");
      expect(doc.rss["@version"]).toBe("2.0");
      const item = doc.rss.channel.item.find((i: { guid: { "#text": string } }) =>
        i.guid["#text"].endsWith(`:post-${post.id}`),
      );
      expect(item.title).toBe(CLEAN);
      expect(new Date(item.pubDate).getTime()).toBe(
        post.publishedAt!.getTime() - (post.publishedAt!.getTime() % 1000),
      );
    }
  });

  it("lists live comments and never a deleted one's text", async () => {
    const { post, live, deleted } = await hostilePost();
    const perPost = await fetchXml(
      postCommentsFeed(new Request("http://localhost/"), {
        params: Promise.resolve({ scope: String(post.id) }),
      }),
    );
    expect(perPost.type).toBe("application/atom+xml; charset=utf-8");
    expect(perPost.doc.feed.entry.map((e: { id: string }) => e.id)).toEqual([
      expect.stringMatching(new RegExp(`:comment-${live}$`)),
    ]);
    expect(perPost.doc.feed.entry[0].content["#text"]).toBe("A <b>live</b> comment & more");
    const all = await (await feed("comments", "default")).text();
    parse(all);
    expect(all).toContain(`:comment-${live}<`);
    expect(all).not.toContain(`:comment-${deleted}<`);
    expect(all).not.toContain("secret deleted words");
  });

  it("has no comments feed for drafts or unknown posts", async () => {
    const draft = await createPost({ status: "draft" });
    await createComments(draft.id, [{ body: "draft chatter" }]);
    for (const id of [String(draft.id), "999999999", "x"]) {
      const response = await postCommentsFeed(new Request("http://localhost/"), {
        params: Promise.resolve({ scope: id }),
      });
      expect(response.status, id).toBe(404);
    }
    expect(await (await feed("comments", "default")).text()).not.toContain("draft chatter");
    for (const [scope, format] of [
      ["posts", "atom"],
      ["pages", "default"],
      ["comments", "rss"],
    ]) {
      expect((await feed(scope, format)).status, `${scope}/${format}`).toBe(404);
    }
  });
});
