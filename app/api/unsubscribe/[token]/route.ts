import { NextResponse, type NextRequest } from "next/server";
import { config } from "@/lib/config";
import { unsubscribe } from "@/lib/data/notification-settings";
import { isDatabaseBusy } from "@/lib/data/errors";
import { log } from "@/lib/log";
import { unsubscribePagePath } from "@/lib/notifications/paths";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";

type Context = { params: Promise<{ token: string }> };

const PRIVATE = { "Cache-Control": "private, no-store", "Referrer-Policy": "same-origin" };

/**
 * The List-Unsubscribe address of notification mails (docs/decisions/036, RFC 8058).
 * POST unsubscribes at once, whether a mail client sends it ("List-Unsubscribe=One-Click")
 * or the confirmation page's button does; the signed token is the authority, no session
 * is needed. GET changes nothing (scanners fetch links): it leads to the confirmation page.
 */
export async function GET(_request: NextRequest, { params }: Context) {
  const { token } = await params;
  return NextResponse.redirect(`${config.siteUrl}${unsubscribePagePath(token)}`, {
    status: 303,
    headers: PRIVATE,
  });
}

export async function POST(request: NextRequest, { params }: Context) {
  const { token } = await params;
  const check = readUnsubscribeToken(token);
  if (!check.ok) {
    log.warn("notifications.unsubscribe_refused", { reason: check.reason });
    return new NextResponse(
      `This unsubscribe link is ${check.reason === "expired" ? "expired" : "not valid"}.\n`,
      {
        status: check.reason === "expired" ? 410 : 400,
        headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" },
      },
    );
  }
  let fromPage = false;
  try {
    const form = await request.formData();
    fromPage = form.get("from") === "page";
  } catch {
    // A one-click POST may come with any body (or none): the token says what to do.
  }
  try {
    await unsubscribe(check.request);
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    return new NextResponse("Busy, please try again in a moment.\n", {
      status: 503,
      headers: { ...PRIVATE, "Retry-After": "5", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  log.info("notifications.unsubscribed", { userId: check.request.userId, scope: check.request.scope.kind });
  if (fromPage)
    return NextResponse.redirect(`${config.siteUrl}${unsubscribePagePath(token)}`, {
      status: 303,
      headers: PRIVATE,
    });
  return new NextResponse("Unsubscribed.\n", {
    status: 200,
    headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" },
  });
}
