import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SavedNotice } from "@/components/admin/saved-notice";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { config } from "@/lib/config";
import { getCommentSettings } from "@/lib/data/comment-settings";
import { mailSettings } from "@/lib/mail/settings";

import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings", robots: { index: false } };

type SettingsPageProps = { searchParams: Promise<{ notice?: string }> };

/** The blog owner's comment rules: admins only (others get a plain 404). */
export default async function SettingsPage({ searchParams }: SettingsPageProps) {
  const user = await requireUser("/admin/settings");
  if (!can(user, "edit:settings")) notFound();
  const settings = await getCommentSettings();
  const { notice } = await searchParams;
  const on = (value: boolean) => (value ? "on" : "");
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Comment settings</h1>
      <div className="mb-6">
        <SavedNotice show={notice === "saved"} href={null} />
      </div>
      <p className="mb-6 text-sm text-muted">
        Held comments wait in the{" "}
        <Link href="/moderation" className="link">
          Held queue
        </Link>
        , where moderators also keep the list of blocked words. Moderators and admins are never held.
      </p>
      <p className="mb-6 text-sm text-muted">
        Avatars:{" "}
        {config.gravatar
          ? "Gravatar images over generated initials (COMMENT_GRAVATAR is on: pages carry a hash of each commenter's email)."
          : "generated initials, no third-party requests (set COMMENT_GRAVATAR=1 in the environment to show Gravatar images)."}
      </p>
      <SettingsForm
        initial={{
          holdAboveLinks: String(settings.holdAboveLinks),
          holdNewAccountHours: String(settings.holdNewAccountHours),
          holdUntilApproved: String(settings.holdUntilApproved),
          holdAll: on(settings.holdAll),
          honeypot: on(settings.honeypot),
          minSubmitSeconds: String(settings.minSubmitSeconds),
          maxReplyDepth: String(settings.maxReplyDepth),
          duplicateWindowMinutes: String(settings.duplicateWindowMinutes),
          editWindowMinutes: String(settings.editWindowMinutes),
          reportsToHide: String(settings.reportsToHide),
          unverifiedCanComment: on(settings.unverifiedCanComment),
        }}
        mailCanSend={mailSettings.canSend}
      />
    </>
  );
}
