/**
 * What every form action answers, with or without JavaScript: field errors next to their
 * inputs, one form-level message, and the values typed (minus secrets) so nothing is lost
 * on a refusal. Success without JavaScript is a redirect instead (see finish.ts).
 */
export type ActionResult<Values extends Record<string, string> = Record<string, string>> = {
  status: "idle" | "error" | "success";
  fieldErrors?: Partial<Record<keyof Values & string, string>>;
  formError?: string;
  values?: Partial<Values>;
};

/** The state a form starts in (useActionState's initial value). */
export const idle = { status: "idle" } as const satisfies ActionResult;
