import { z } from "zod";

/**
 * Commonplace JSON, version 1 (README "Moving out", docs/decisions/028): one JSON value
 * per line, so both the export and the import stream it a line at a time.
 *
 *   {"format":"commonplace","version":1,...}   the header, always first
 *   {"type":"label",...}                       every label
 *   {"type":"page",...}                        every page
 *   {"type":"post",...}                        a post, then its comments, parents first
 *   {"type":"comment",...}
 *   {"type":"end",...}                         counts, always last: a cut file is refused
 *
 * Ids are strings, stable across exports of the same blog: `<kind>/<local id>@<site>`,
 * or the id the item had in the Commonplace export it was itself imported from, so an
 * export of an imported blog names its items as the first one did.
 */
export const COMMONPLACE_FORMAT = "commonplace";
export const COMMONPLACE_VERSION = 1;

const date = z.iso.datetime();
const nullableDate = date.nullable();
const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(500);
/** Where an item came from before (an ImportedItem of a Blogger, WordPress… import). */
const Origin = z.object({ source: text(40), sourceId: text(1000) }).strict();

export const HeaderSchema = z
  .object({
    format: z.literal(COMMONPLACE_FORMAT),
    version: z.literal(COMMONPLACE_VERSION),
    site: text(2000),
    exportedAt: date,
    withEmails: z.boolean(),
  })
  .strict();

export const LabelSchema = z.object({ type: z.literal("label"), name: text(200), slug: text(200) }).strict();

export const PageSchema = z
  .object({
    type: z.literal("page"),
    id,
    slug: text(200),
    title: text(1000),
    bodyMarkdown: z.string(),
    navOrder: z.number().int(),
    published: z.boolean(),
    createdAt: date,
    updatedAt: date,
    origins: z.array(Origin),
  })
  .strict();

export const PostSchema = z
  .object({
    type: z.literal("post"),
    id,
    slug: text(200),
    title: text(1000),
    standfirst: text(5000).nullable(),
    byline: text(1000).nullable(),
    sourceName: text(1000).nullable(),
    coverImageUrl: text(5000).nullable(),
    coverImageAlt: text(5000).nullable(),
    coverImageCaption: text(5000).nullable(),
    bodyMarkdown: z.string(),
    status: z.enum(["draft", "published"]),
    publishedAt: nullableDate,
    commentsEnabled: z.boolean(),
    viewCount: z.number().int().min(0),
    shareCount: z.number().int().min(0),
    createdAt: date,
    updatedAt: date,
    /** The account's display name (accounts themselves are not exported). */
    author: text(1000).nullable(),
    authorEmail: text(1000).nullable().optional(),
    /** Label slugs. */
    labels: z.array(text(200)),
    /** Old addresses kept as redirects. */
    redirects: z.array(text(2000)),
    /** How many comment lines follow. */
    comments: z.number().int().min(0),
    origins: z.array(Origin),
  })
  .strict();

export const CommentSchema = z
  .object({
    type: z.literal("comment"),
    id,
    post: id,
    parent: id.nullable(),
    authorName: text(1000),
    authorEmail: text(1000).nullable().optional(),
    body: z.string(),
    createdAt: date,
    editedAt: nullableDate,
    status: z.enum(["published", "held"]),
    heldReasons: z.array(text(100)).nullable(),
    deletedAt: nullableDate,
    deletedReason: z.enum(["author", "moderator"]).nullable(),
    deletionNote: text(5000).nullable(),
    origins: z.array(Origin),
  })
  .strict();

export const EndSchema = z
  .object({
    type: z.literal("end"),
    labels: z.number().int().min(0),
    pages: z.number().int().min(0),
    posts: z.number().int().min(0),
    comments: z.number().int().min(0),
  })
  .strict();

export const RecordSchema = z.discriminatedUnion("type", [
  LabelSchema,
  PageSchema,
  PostSchema,
  CommentSchema,
  EndSchema,
]);

export type JsonHeader = z.infer<typeof HeaderSchema>;
export type JsonLabel = z.infer<typeof LabelSchema>;
export type JsonPage = z.infer<typeof PageSchema>;
export type JsonPost = z.infer<typeof PostSchema>;
export type JsonComment = z.infer<typeof CommentSchema>;
export type JsonEnd = z.infer<typeof EndSchema>;
export type JsonRecord = z.infer<typeof RecordSchema>;

/** The stable id of an item of this blog that was not imported from another Commonplace. */
export function commonplaceId(kind: "post" | "page" | "comment", localId: number, site: string): string {
  return `${kind}/${localId}@${site}`;
}
