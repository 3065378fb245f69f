import type { z } from "zod";

/**
 * What every form action returns: field errors next to their inputs, one form-level
 * message, and the values typed (minus secrets) so nothing is lost on an error.
 */
export type FormState<Values extends Record<string, string> = Record<string, string>> = {
  status: "idle" | "error" | "success";
  fieldErrors?: Partial<Record<keyof Values & string, string>>;
  formError?: string;
  values?: Partial<Values>;
};

export const idleState: FormState = { status: "idle" };

/** The first message for each field of a failed zod parse. */
export function firstFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Reads text fields from FormData by name; anything else (files, missing) becomes "". */
export function textFields<const Names extends readonly string[]>(formData: FormData, names: Names) {
  const values = {} as Record<Names[number], string>;
  for (const name of names) {
    const value = formData.get(name);
    values[name as Names[number]] = typeof value === "string" ? value : "";
  }
  return values;
}
