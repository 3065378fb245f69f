/**
 * Auth.js (next-auth v5) wiring. Nothing outside lib/auth/ imports this file: pages
 * and actions go through lib/auth/guards.ts, so the library can be swapped in one place.
 */
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { logAuthError } from "@/lib/auth/auth-errors";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { clientIp } from "@/lib/auth/client-ip";
import { findOAuthUserId, findOrCreateOAuthUser } from "@/lib/auth/oauth";
import { OAUTH_PROVIDERS } from "@/lib/auth/providers";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/settings";
import { loadSessionUser } from "@/lib/auth/request-user";
import { bumpSessionVersion, getCurrentUserById } from "@/lib/data/users";
import { env, requireAuthSecret } from "@/lib/env";

/** Its code carries the wait to lib/auth/session-actions.ts ("throttled-<seconds>"). */
class ThrottledSignIn extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `throttled-${retryAfterSeconds}`;
  }
}

function config(): NextAuthConfig {
  return {
    secret: requireAuthSecret(),
    trustHost: env.AUTH_TRUST_HOST || !!env.AUTH_URL,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    logger: { error: logAuthError },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const result = await authenticateWithPassword(credentials, clientIp(request.headers));
          if (result.ok) return result.user;
          if (result.reason === "throttled") throw new ThrottledSignIn(result.retryAfterSeconds);
          return null;
        },
      }),
      ...OAUTH_PROVIDERS.filter((p) => p.enabled()).map((p) => p.provider),
    ],
    callbacks: {
      async signIn({ account, user }) {
        if (!account || account.type === "credentials") return true;
        const linked = await findOrCreateOAuthUser({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email: user.email,
          name: user.name,
        });
        return linked.ok ? true : `/signin?error=${linked.reason}`;
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const id =
            account.type === "credentials"
              ? user.id
              : await findOAuthUserId(account.provider, account.providerAccountId);
          const current = id ? await getCurrentUserById(id) : null;
          if (!current) return null;
          return {
            sub: current.id,
            name: current.name,
            email: current.email,
            sv: current.sessionVersion,
          };
        }
        // Every later request: a token minted before a sign-out (or for a deleted
        // user) is refused, even if someone kept a copy of the cookie.
        const current = typeof token.sub === "string" ? await loadSessionUser(token.sub) : null;
        if (!current || current.sessionVersion !== token.sv) return null;
        return { ...token, name: current.name };
      },
      session({ session, token }) {
        session.user.id = token.sub ?? "";
        return session;
      },
    },
    events: {
      async signOut(message) {
        if ("token" in message && typeof message.token?.sub === "string")
          await bumpSessionVersion(message.token.sub);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);
