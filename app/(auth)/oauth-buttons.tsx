import { enabledOAuthProviders } from "@/lib/auth/providers";
import { oauthSignInAction } from "./actions";

/** One button per OAuth provider configured through env vars; none otherwise. */
export function OAuthButtons({ callbackUrl }: { callbackUrl: string }) {
  const providers = enabledOAuthProviders();
  if (providers.length === 0) return null;
  return (
    <div className="mt-8 space-y-2 border-t border-line pt-6">
      {providers.map((provider) => (
        <form key={provider.id} action={oauthSignInAction}>
          <input type="hidden" name="provider" value={provider.id} />
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <button type="submit" className="w-full rounded border border-line px-4 py-2 text-sm font-semibold">
            Continue with {provider.name}
          </button>
        </form>
      ))}
    </div>
  );
}
