import { NextResponse } from "next/server";
import { getOptionalUser } from "@/lib/auth/guards";
import { exportAccountData } from "@/lib/data/accounts";

export const dynamic = "force-dynamic";

/**
 * "Download your data": the signed-in user's account and comments as JSON (never the
 * password hash). A GET a page can link to; its answer is private and read only by the
 * user's own browser (another site may make the browser ask, but cannot read the answer).
 */
export async function GET() {
  const user = await getOptionalUser();
  const data = user ? await exportAccountData(user.id) : null;
  if (!user || !data)
    return new NextResponse("Sign in to download your data.", {
      status: 401,
      headers: { "Cache-Control": "private, no-store" },
    });
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="commonplace-account-${user.id}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
