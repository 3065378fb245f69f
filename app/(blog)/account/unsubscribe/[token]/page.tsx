import type { Metadata } from "next";
import Link from "next/link";
import { describeUnsubscribe, type UnsubscribeTarget } from "@/lib/data/notification-settings";
import { NOTIFICATIONS_PATH, oneClickUnsubscribePath } from "@/lib/notifications/paths";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe-token";

export const dynamic = "force-dynamic";
// The link is the reader's authority: never in a Referer to another site.
export const metadata: Metadata = {
  title: "Unsubscribe",
  robots: { index: false },
  referrer: "same-origin",
};

type UnsubscribePageProps = { params: Promise<{ token: string }> };

function what(target: UnsubscribeTarget): string {
  switch (target.scope.kind) {
    case "all":
      return "every notification mail from this blog";
    case "moderation":
      return "mails about comments held for review or hidden after reports";
    case "post":
      return target.postTitle
        ? `mails about the discussion of \u201c${target.postTitle}\u201d`
        : "mails about this discussion";
  }
}

/**
 * Where an unsubscribe link in a mail leads (docs/decisions/036): no sign-in needed, the
 * signed link is the authority. Opening it changes nothing (mail scanners open links);
 * the button does, by a plain form post to the one-click address.
 */
export default async function UnsubscribePage({ params }: UnsubscribePageProps) {
  const token = (await params).token;
  const check = readUnsubscribeToken(token);
  const target = check.ok ? await describeUnsubscribe(check.request) : null;
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Unsubscribe</h1>
      {!check.ok || !target ? (
        <p role="alert" className="mt-4 text-sm">
          {!check.ok && check.reason === "expired"
            ? "This unsubscribe link has expired. Sign in and change your notification settings instead."
            : "This unsubscribe link is not valid. Sign in and change your notification settings instead."}
        </p>
      ) : target.done ? (
        <p role="status" className="mt-4">
          Done: you will get no more {what(target)}.
        </p>
      ) : (
        <form method="post" action={oneClickUnsubscribePath(token)} className="mt-4 space-y-4">
          <p>
            Stop <bdi>{what(target)}</bdi> to <bdi>{target.name}</bdi>?
          </p>
          <input type="hidden" name="from" value="page" />
          <button type="submit" className="rounded bg-accent px-4 py-2 text-sm font-semibold text-page">
            Unsubscribe
          </button>
        </form>
      )}
      <p className="mt-6 text-sm">
        <Link href={NOTIFICATIONS_PATH} className="link">
          All notification settings
        </Link>{" "}
        <span className="text-muted">(needs signing in)</span>
      </p>
    </>
  );
}
