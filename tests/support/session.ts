import { vi } from "vitest";

/**
 * The Auth.js session and Next's cache as every test file sees them: tests/setup.ts mocks
 * `@/auth` and `next/cache` with these, and resets both before each test (signed out,
 * nothing revalidated).
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

export function resetSession(): void {
  signInAs(null);
  revalidated.length = 0;
}
