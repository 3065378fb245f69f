import { vi } from "vitest";

/**
 * Server actions read the session through Auth.js's `auth()`, which needs a Next
 * request. Tests replace only that boundary: the guards still load the user from the
 * real database and every rule after it runs for real.
 */
export const session = { userId: null as string | null };

vi.mock("@/auth", () => ({
  auth: async () =>
    session.userId ? { user: { id: session.userId }, expires: "2100-01-01T00:00:00.000Z" } : null,
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: {},
}));

// Outside a Next request there is no cache to revalidate; record the calls instead.
export const revalidated: string[] = [];
vi.mock("next/cache", () => ({
  revalidatePath: (path: string) => revalidated.push(path),
  revalidateTag: (tag: string, profile?: { expire?: number }) =>
    revalidated.push(`tag:${tag}${profile?.expire ? ` (expire ${profile.expire} s)` : ""}`),
}));

/**
 * Actions finish differently for React in the browser (Next's `next-action` header) and
 * for a plain form post. Tests are React's calls unless they say otherwise.
 */
export const request = { withScript: true };
vi.mock("next/headers", () => ({
  headers: async () => new Headers(request.withScript ? { "next-action": "test" } : {}),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
}));

export function signInAs(userId: string | null): void {
  session.userId = userId;
}
