import { z } from "zod";
import type { ActionResult } from "@/lib/actions/result";
import { withoutNul } from "@/lib/text/unicode";

/** An object schema, possibly refined or transformed (`z.object({…}).transform(…)`). */
export type FormSchema = z.ZodType<unknown, Record<string, unknown>>;

/** The form fields a schema reads: the keys of its object. */
export type FieldName<S extends FormSchema> = keyof z.input<S> & string;

/** What a form holds for a schema, as typed (every field a string). */
export type FormValues<S extends FormSchema> = Record<FieldName<S>, string>;

function objectOf(schema: FormSchema): z.ZodObject {
  let inner: unknown = schema;
  while (inner instanceof z.ZodPipe) inner = inner.in;
  if (!(inner instanceof z.ZodObject)) throw new TypeError("A form schema must be an object schema.");
  return inner;
}

/** The field names of a form schema, in order. */
export function fieldNames<S extends FormSchema>(schema: S): FieldName<S>[] {
  return Object.keys(objectOf(schema).shape) as FieldName<S>[];
}

/**
 * One field of what an action was given. An action is a public endpoint: a forged call
 * may pass anything instead of a form (a string, nothing), which then reads as a form
 * with no fields, so the schema refuses it rather than the action throwing (a 500).
 */
export function formField(formData: unknown, name: string): FormDataEntryValue | null {
  return formData instanceof FormData ? formData.get(name) : null;
}

/** An uploaded file field, or null when there is none (or no form at all). */
export function formFile(formData: unknown, name: string): File | null {
  const value = formField(formData, name);
  return value instanceof File && value.size > 0 ? value : null;
}

/**
 * Reads exactly the schema's fields from a form, each as text: anything else the
 * request carries is ignored (no mass assignment), and files or absent fields are "".
 * U+0000 is removed from every field here, once for every form: PostgreSQL cannot
 * store it, and only a forged request sends it (lib/text/unicode.ts).
 */
export function readForm<S extends FormSchema>(schema: S, formData: FormData): FormValues<S> {
  const values = {} as FormValues<S>;
  for (const name of fieldNames(schema)) {
    const value = formField(formData, name);
    values[name] = typeof value === "string" ? withoutNul(value) : "";
  }
  return values;
}

type ParseOptions<S extends FormSchema> = {
  /** Never sent back to the browser (passwords). */
  secret?: readonly FieldName<S>[];
  /** Fields without a visible input (ids, keys): their errors become the form's message. */
  hidden?: readonly FieldName<S>[];
  /** The form's message when only visible fields are wrong. */
  summary?: string;
};

export type ParsedForm<S extends FormSchema> =
  | { ok: true; data: z.output<S>; values: Partial<FormValues<S>> }
  | { ok: false; result: ActionResult<FormValues<S>>; values: Partial<FormValues<S>> };

/**
 * Parses a form against its schema. `values` (what was typed, minus secrets) is there
 * either way, for refusals that come later to keep the draft.
 */
export function parseForm<S extends FormSchema>(
  schema: S,
  formData: FormData,
  options: ParseOptions<S> = {},
): ParsedForm<S> {
  const fields = readForm(schema, formData);
  const values: Partial<FormValues<S>> = { ...fields };
  for (const name of options.secret ?? []) delete values[name];

  const parsed = schema.safeParse(fields);
  if (parsed.success) return { ok: true, data: parsed.data, values };

  const hidden = new Set<string>(options.hidden ?? []);
  const fieldErrors: Partial<Record<FieldName<S>, string>> = {};
  let formError: string | undefined;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field !== "string" || hidden.has(field)) formError ??= issue.message;
    else fieldErrors[field as FieldName<S>] ??= issue.message;
  }
  formError ??= options.summary;
  return { ok: false, result: { status: "error", fieldErrors, formError, values }, values };
}
