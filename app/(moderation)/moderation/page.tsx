import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import {
  getBannedUsers,
  getModerationLog,
  getModerationQueue,
  type QueueFilter,
} from "@/lib/data/moderation-queue";
import { Notice } from "@/components/ui/notice";
import { parsePageParam } from "@/lib/validations/listing";
import { getCommentSettings } from "@/lib/data/comment-settings";
import { getHeldQueue } from "@/lib/data/held-comments";
import { BannedUsers } from "./banned-users";
import { BlockedWords } from "./blocked-words";
import { HeldQueue } from "./held-queue";
import { ReportedComments } from "./reported-comments";
import { getReportQueue } from "@/lib/data/comment-reports";
import { MODERATION_NOTICES } from "./messages";
import { ModerationLogTable } from "./moderation-log";
import { QueueItem } from "./queue-item";

export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

type ModerationPageProps = { searchParams: Promise<{ filter?: string; page?: string; notice?: string }> };

export default async function ModerationPage({ searchParams }: ModerationPageProps) {
  const user = await requireUser("/moderation");
  // Not a moderator: the page does not exist for you.
  if (!can(user, "view:moderation")) notFound();
  const params = await searchParams;
  const filter: QueueFilter = params.filter === "deleted" ? "deleted" : "all";
  const page = parsePageParam(params.page) ?? 1;
  const [held, reported, queue, banned, log, settings] = await Promise.all([
    getHeldQueue(user),
    getReportQueue(user),
    getModerationQueue(user, { filter, page }),
    getBannedUsers(user),
    getModerationLog(user),
    getCommentSettings(),
  ]);
  const notice = params.notice ? MODERATION_NOTICES[params.notice] : undefined;

  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Moderation</h1>
      {notice && (
        <div className="mt-4">
          <Notice>{notice}</Notice>
        </div>
      )}
      {held && <HeldQueue comments={held.comments} total={held.total} />}
      {reported && <ReportedComments comments={reported.comments} total={reported.total} />}
      <section aria-labelledby="queue-heading" className="mt-8">
        <h2 id="queue-heading" className="text-xl font-bold">
          {filter === "deleted" ? "Deleted comments" : "Latest comments"}
        </h2>
        <nav aria-label="Comment filter" className="mt-2 flex gap-4 text-sm">
          <Link href="/moderation" aria-current={filter === "all" ? "page" : undefined} className="link">
            Latest
          </Link>
          <Link
            href="/moderation?filter=deleted"
            aria-current={filter === "deleted" ? "page" : undefined}
            className="link"
          >
            Deleted
          </Link>
        </nav>
        {queue.comments.length === 0 ? (
          <p className="mt-4 text-muted">No comments here.</p>
        ) : (
          <ol className="mt-4 space-y-4">
            {queue.comments.map((comment) => (
              <QueueItem key={comment.id} comment={comment} viewer={user} />
            ))}
          </ol>
        )}
        <nav aria-label="Queue pages" className="mt-4 flex gap-4 text-sm">
          {page > 1 && (
            <Link href={`/moderation?filter=${filter}&page=${page - 1}`} className="link">
              Newer
            </Link>
          )}
          {queue.hasMore && (
            <Link href={`/moderation?filter=${filter}&page=${page + 1}`} className="link">
              Older
            </Link>
          )}
        </nav>
      </section>
      <BlockedWords words={settings.blockedWords} />
      <BannedUsers users={banned} />
      <ModerationLogTable entries={log} />
    </>
  );
}
