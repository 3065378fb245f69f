// Signed-in bench users without a sign-in round trip: Auth.js session cookies minted
// with the server's AUTH_SECRET, carrying the claims auth.ts's jwt callback checks.
import { encode } from "next-auth/jwt";

export const SESSION_COOKIE = "authjs.session-token"; // the name over plain http

export async function sessionCookie(user, secret) {
  const token = { sub: user.id, name: user.name, email: user.email, sv: 0, role: "commenter" };
  const value = await encode({ token, secret, salt: SESSION_COOKIE, maxAge: 24 * 60 * 60 });
  return `${SESSION_COOKIE}=${value}`;
}
