import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldNames, parseForm, readForm } from "@/lib/actions/form";
import { PostSchema } from "@/lib/validations/post";

const form = (fields: Record<string, string | File>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

const Schema = z
  .object({ id: z.string().regex(/^\d+$/, "Reload the page."), title: z.string().min(1, "Give a title.") })
  .transform((value) => ({ ...value, id: Number(value.id) }));

describe("the action kit's form parsing", () => {
  it("reads exactly the schema's fields, through transforms; files and absent fields are empty", () => {
    expect(fieldNames(PostSchema)).toContain("bodyMarkdown");
    expect(readForm(Schema, form({ title: "x", role: "admin", id: new File(["1"], "f") }))).toEqual({
      id: "",
      title: "x",
    });
  });

  it("removes U+0000 from every field, which PostgreSQL could not store", () => {
    expect(readForm(Schema, form({ id: "\u00007", title: "a\u0000b\u0000" }))).toEqual({
      id: "7",
      title: "ab",
    });
  });

  it("puts errors of hidden fields in the form message and keeps the typed values minus secrets", () => {
    const parsed = parseForm(Schema, form({ id: "x", title: "" }), { hidden: ["id"], secret: ["id"] });
    expect(parsed).toMatchObject({
      ok: false,
      result: { status: "error", formError: "Reload the page.", fieldErrors: { title: "Give a title." } },
      values: { title: "" },
    });
    expect(parsed.values).not.toHaveProperty("id");
  });

  it("gives the summary when only visible fields are wrong, and the parsed data otherwise", () => {
    const wrong = parseForm(Schema, form({ id: "1", title: "" }), { summary: "Correct the marked fields." });
    expect(wrong.ok || wrong.result.formError).toBe("Correct the marked fields.");
    expect(parseForm(Schema, form({ id: "7", title: "t" }))).toMatchObject({ ok: true, data: { id: 7 } });
  });
});
