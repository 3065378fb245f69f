/** Runs a server action; a Next redirect (thrown) comes back as `{ redirectTo }`. */
export async function runAction<S>(
  action: () => Promise<S>,
): Promise<S | { redirectTo: string; status: "redirect" }> {
  try {
    return await action();
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT;"))
      return { status: "redirect", redirectTo: digest.split(";")[2] };
    throw error;
  }
}

export function formData(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
