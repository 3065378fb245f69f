/** Sessions last two weeks; each request re-checks the user in the database anyway. */
export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;

/**
 * AUTH_SECRET signs session cookies. `npm start`/`npm run dev` generate one for local
 * use (data/.auth-secret); any other start must set it, or nothing would be secure.
 */
export function requireAuthSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error(
      "AUTH_SECRET must be set to a random string of at least 32 characters (e.g. `openssl rand -base64 32`).",
    );
  }
  return secret;
}
