import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getOwnAccount } from "@/lib/data/accounts";
import { NOTIFICATIONS_PATH } from "@/lib/notifications/paths";
import { ACCOUNT_PATH, profilePath } from "@/lib/people/paths";
import { formatDateHeader } from "@/lib/text/dates";
import { ChangePasswordForm, DeleteAccountForm, RenameForm } from "./account-forms";
import { EmailSection } from "./email-section";
import { ACCOUNT_NOTICES, type AccountNotice } from "./messages";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account", robots: { index: false } };

type AccountPageProps = { searchParams: Promise<{ notice?: string }> };

/** The signed-in reader's own account, rendered per request (docs/decisions/031). */
export default async function AccountPage({ searchParams }: AccountPageProps) {
  const user = await requireUser(ACCOUNT_PATH);
  const account = await getOwnAccount(user.id);
  if (!account) notFound();
  const { notice } = await searchParams;
  const noticeText = notice && notice in ACCOUNT_NOTICES ? ACCOUNT_NOTICES[notice as AccountNotice] : null;
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Your account</h1>
      <p className="mt-2 text-sm text-muted">
        Signed in as <bdi>{account.email}</bdi> · joined {formatDateHeader(account.joinedAt)} ·{" "}
        <Link href={profilePath(account.id)} className="link">
          Your public profile
        </Link>
      </p>
      {noticeText && (
        <div className="mt-4">
          <Notice>{noticeText}</Notice>
        </div>
      )}

      <section aria-labelledby="email-heading" className="mt-8">
        <h2 id="email-heading" className="font-serif text-xl font-bold">
          Email address
        </h2>
        <EmailSection
          email={account.email}
          verifiedAt={account.emailVerifiedAt}
          canEdit={can(user, "edit:own-profile")}
          hasPassword={account.hasPassword}
        />
      </section>

      <section aria-labelledby="name-heading" className="mt-10">
        <h2 id="name-heading" className="font-serif text-xl font-bold">
          Display name
        </h2>
        {can(user, "edit:own-profile") ? (
          <RenameForm name={account.name} />
        ) : (
          <p className="mt-2 text-sm text-muted">A banned account cannot change its name.</p>
        )}
      </section>

      <section aria-labelledby="password-heading" className="mt-10">
        <h2 id="password-heading" className="font-serif text-xl font-bold">
          Password
        </h2>
        {account.hasPassword ? (
          <ChangePasswordForm />
        ) : (
          <p className="mt-2 text-sm text-muted">
            You sign in through {account.providers.join(" or ") || "another service"}: there is no password
            here.
          </p>
        )}
      </section>

      <section aria-labelledby="notifications-heading" className="mt-10">
        <h2 id="notifications-heading" className="font-serif text-xl font-bold">
          Email notifications
        </h2>
        <p className="mt-2 text-sm">
          Replies to your comments, discussions you follow, or stop them all.{" "}
          <Link href={NOTIFICATIONS_PATH} className="link">
            Notification settings
          </Link>
        </p>
      </section>

      <section aria-labelledby="data-heading" className="mt-10">
        <h2 id="data-heading" className="font-serif text-xl font-bold">
          Your data
        </h2>
        <p className="mt-2 text-sm">
          Your account and every comment you wrote, as a JSON file.{" "}
          <a href={`${ACCOUNT_PATH}/data`} download className="link">
            Download your data
          </a>
        </p>
      </section>

      <section aria-labelledby="delete-heading" className="mt-10 border-t border-line pt-6">
        <h2 id="delete-heading" className="font-serif text-xl font-bold">
          Delete your account
        </h2>
        <DeleteAccountForm hasPassword={account.hasPassword} />
      </section>
    </>
  );
}
