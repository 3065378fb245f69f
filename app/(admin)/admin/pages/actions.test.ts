import { describe, expect, it } from "vitest";
import { signInAs } from "@/tests/support/session";
import { formData, runAction } from "@/tests/support/actions";
import { createUser, uniqueSlug } from "@/tests/support/factories";
import { db } from "@/lib/db";
import { getNavPages } from "@/lib/data/pages";
import { savePageAction } from "./actions";

const save = (overrides: Record<string, string> = {}) =>
  runAction(() =>
    savePageAction(
      { status: "idle" },
      formData({
        pageId: "",
        title: "Contact",
        slug: "",
        bodyMarkdown: "Write to us.",
        navOrder: "5",
        published: "on",
        ...overrides,
      }),
    ),
  );

describe("savePageAction", () => {
  it("is refused to the signed-out, commenters and moderators", async () => {
    const page = await db.page.create({
      data: { slug: uniqueSlug("page"), title: "Untouched", bodyMarkdown: "x" },
    });
    // Every attempt carries this test's own title, so a page stored by any of them is found.
    const title = `Sneaky ${uniqueSlug()}`;
    expect((await save({ title })).status).toBe("error");
    for (const role of ["commenter", "moderator"]) {
      signInAs((await createUser({ role })).id);
      expect(await save({ title })).toMatchObject({
        status: "error",
        formError: expect.stringMatching(/not allowed/),
      });
      expect(await save({ pageId: String(page.id), title, slug: page.slug })).toMatchObject({
        status: "error",
        values: { title },
      });
    }
    expect(await db.page.count({ where: { title } })).toBe(0);
    expect((await db.page.findUniqueOrThrow({ where: { id: page.id } })).title).toBe("Untouched");
  });

  it("creates and edits a page that appears in the Pages navigation in order", async () => {
    signInAs((await createUser({ role: "admin" })).id);
    const title = `Contact ${uniqueSlug("x")}`;
    const created = await save({ title, navOrder: "-5" });
    expect(created).toMatchObject({ status: "redirect" });
    const row = await db.page.findFirstOrThrow({ where: { title }, select: { id: true, slug: true } });
    expect(row.slug).toBe(title.toLowerCase().replace(/ /g, "-"));
    expect((await getNavPages())[0]).toEqual({ slug: row.slug, title });

    await save({ pageId: String(row.id), title, slug: row.slug, published: "" });
    expect((await getNavPages()).some((page) => page.slug === row.slug)).toBe(false);
  });

  it("refuses a taken slug and a non-numeric position", async () => {
    signInAs((await createUser({ role: "admin" })).id);
    const slug = uniqueSlug("taken");
    await db.page.create({ data: { slug, title: "First", bodyMarkdown: "x" } });
    expect(await save({ slug })).toMatchObject({
      status: "error",
      fieldErrors: { slug: "That slug is taken" },
    });
    expect(await save({ slug: uniqueSlug(), navOrder: "first" })).toMatchObject({
      fieldErrors: { navOrder: "Use a whole number from -9999 to 9999." },
    });
  });
});
