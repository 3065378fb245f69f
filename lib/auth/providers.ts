import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";

/**
 * OAuth providers are switched on purely by their environment variables; without
 * them the buttons do not appear. Auth.js reads AUTH_<PROVIDER>_ID/_SECRET itself.
 */
export const OAUTH_PROVIDERS = [
  {
    id: "github",
    name: "GitHub",
    enabled: () => !!(process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET),
    provider: GitHub,
  },
  {
    id: "google",
    name: "Google",
    enabled: () => !!(process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET),
    provider: Google,
  },
] as const;

export function enabledOAuthProviders() {
  return OAUTH_PROVIDERS.filter((p) => p.enabled()).map(({ id, name }) => ({ id, name }));
}
