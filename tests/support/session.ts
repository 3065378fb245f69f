import { vi } from "vitest";

/**
 * The Auth.js session, Next's cache and request headers as every test file sees them:
 * tests/setup.ts mocks `@/auth`, `next/cache` and `next/headers` with these, and resets
 * them before each test (signed out, nothing revalidated, called by React).
 */
const session = { userId: null as string | null };

/** The current session for server actions and guards; `null` signs out. */
export function signInAs(userId: string | null): void {
  session.userId = userId;
}

/**
 * Server actions read the session through Auth.js's `auth()`, which needs a Next
 * request. Tests replace only that boundary: the guards still load the user from the
 * real database and every rule after it runs for real.
 */
export const mockedAuth = {
  auth: async () =>
    session.userId ? { user: { id: session.userId }, expires: "2100-01-01T00:00:00.000Z" } : null,
  signIn: vi.fn(),
  signOut: vi.fn(),
  handlers: {},
};

/** Outside a Next request there is no cache to revalidate: the calls are recorded here. */
export const revalidated: string[] = [];

export const mockedCache = {
  revalidatePath: (path: string) => {
    revalidated.push(path);
  },
  revalidateTag: (tag: string, profile?: { expire?: number }) => {
    revalidated.push(`tag:${tag}${profile?.expire ? ` (expire ${profile.expire} s)` : ""}`);
  },
};

/**
 * Actions finish differently for React in the browser (Next's `next-action` header) and
 * for a plain form post. Tests are React's calls unless they say otherwise.
 */
export const request = { withScript: true };

export const mockedHeaders = {
  headers: async () => new Headers(request.withScript ? { "next-action": "test" } : {}),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
};

export function resetSession(): void {
  signInAs(null);
  revalidated.length = 0;
  request.withScript = true;
}
