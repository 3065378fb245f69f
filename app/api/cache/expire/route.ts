import { NextResponse } from "next/server";
import { requireAuthSecret } from "@/lib/env";
import { isCacheExpireToken } from "@/lib/cache/expire-token.mjs";
import { everythingChanged } from "@/lib/cache/revalidate";

export const dynamic = "force-dynamic";

/**
 * Expires every cached reader page, for changes made outside the app (a restore, an
 * import, a hand edit): `npm run cache:expire` calls it. This process expires them at
 * once, every other server process within a poll of the shared expiry log
 * (docs/decisions/021). The app's own actions expire what they change and never need this.
 */
export async function POST(request: Request) {
  const presented = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? null;
  if (!isCacheExpireToken(presented, requireAuthSecret())) {
    return NextResponse.json(
      { error: "Not allowed." },
      { status: 403, headers: { "Cache-Control": "no-store" } },
    );
  }
  everythingChanged();
  return NextResponse.json({ expired: true }, { headers: { "Cache-Control": "no-store" } });
}
