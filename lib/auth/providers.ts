import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "@/lib/env";

/**
 * OAuth providers are switched on purely by their environment variables; without
 * them the buttons do not appear. Auth.js reads AUTH_<PROVIDER>_ID/_SECRET itself.
 */
export const OAUTH_PROVIDERS = [
  {
    id: "github",
    name: "GitHub",
    enabled: () => !!(env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET),
    provider: GitHub,
  },
  {
    id: "google",
    name: "Google",
    enabled: () => !!(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET),
    provider: Google,
  },
] as const;

export function enabledOAuthProviders() {
  return OAUTH_PROVIDERS.filter((p) => p.enabled()).map(({ id, name }) => ({ id, name }));
}
