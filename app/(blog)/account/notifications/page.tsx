import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FollowDiscussion } from "@/components/comments/follow-discussion";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/guards";
import { getNotificationSettings } from "@/lib/data/notification-settings";
import { mailSettings } from "@/lib/mail/settings";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/paths";
import { ACCOUNT_PATH } from "@/lib/people/paths";
import { NotificationSettingsForm } from "./settings-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Email notifications", robots: { index: false } };

type NotificationsPageProps = { searchParams: Promise<{ notice?: string }> };

/** A reader's notification choices, rendered per request (docs/decisions/036). */
export default async function NotificationsPage({ searchParams }: NotificationsPageProps) {
  const user = await requireUser(NOTIFICATIONS_PATH);
  const settings = await getNotificationSettings(user.id);
  if (!settings) notFound();
  const { notice } = await searchParams;
  return (
    <>
      <p className="text-sm text-muted">
        <Link href={ACCOUNT_PATH} className="link">
          ← Your account
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Email notifications</h1>
      {notice === "saved" && (
        <div className="mt-4">
          <Notice>Your notification settings were saved.</Notice>
        </div>
      )}
      {!mailSettings.canSend && (
        <p className="mt-4 text-sm text-muted">
          This blog cannot send mail at the moment: nothing will arrive.
        </p>
      )}
      {!settings.verified && (
        <p className="mt-4 rounded border border-line px-3 py-2 text-sm">
          Notifications go only to a verified address. Verify yours from{" "}
          <Link href={ACCOUNT_PATH} className="link">
            your account
          </Link>{" "}
          to receive them.
        </p>
      )}

      <section aria-labelledby="choices-heading" className="mt-8">
        <h2 id="choices-heading" className="font-serif text-xl font-bold">
          What to send
        </h2>
        <NotificationSettingsForm
          notifyReplies={settings.notifyReplies}
          notifyModeration={settings.notifyModeration}
          canModerate={settings.canModerate}
          stopped={settings.stopped}
        />
      </section>

      <section aria-labelledby="followed-heading" className="mt-10">
        <h2 id="followed-heading" className="font-serif text-xl font-bold">
          Discussions you follow
        </h2>
        {settings.followed.length === 0 ? (
          <p className="mt-2 text-sm text-muted">
            None. &ldquo;Follow this discussion&rdquo; under a post&rsquo;s comments sends you every new
            comment there.
          </p>
        ) : (
          <ul className="mt-2 space-y-3">
            {settings.followed.map((post) => (
              <li key={post.postId} className="flex flex-wrap items-center justify-between gap-2">
                <Link href={post.path} className="link">
                  <bdi>{post.title}</bdi>
                </Link>
                <FollowDiscussion postId={post.postId} following returnTo={NOTIFICATIONS_PATH} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
