import { formatTimestamp } from "@/lib/text/dates";

type LogEntry = {
  id: number;
  action: string;
  targetType: string;
  targetId: string;
  detail: string | null;
  createdAt: Date;
  actorName: string;
};

const ACTIONS: Record<string, string> = {
  "comment.delete.author": "deleted their own comment",
  "comment.delete.moderator": "deleted comment",
  "comment.restore": "restored comment",
  "user.ban": "banned user",
  "user.unban": "unbanned user",
  "user.comments.delete": "deleted all comments of user",
};

/** Read-only: the log is written by the data layer and has no edit path anywhere. */
export function ModerationLogTable({ entries }: { entries: LogEntry[] }) {
  return (
    <section aria-labelledby="log-heading" className="mt-10">
      <h2 id="log-heading" className="text-xl font-bold">
        Moderation log
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-muted">No moderation actions yet.</p>
      ) : (
        // Focusable: a long entry makes the table scroll sideways, and keyboards must reach it.
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="log-heading">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1 pr-4">
                  When
                </th>
                <th scope="col" className="py-1 pr-4">
                  Who
                </th>
                <th scope="col" className="py-1 pr-4">
                  What
                </th>
                <th scope="col" className="py-1">
                  Details
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className="border-b border-line align-top">
                  <td className="py-1 pr-4 whitespace-nowrap">{formatTimestamp(entry.createdAt)}</td>
                  <td className="py-1 pr-4">
                    <bdi>{entry.actorName}</bdi>
                  </td>
                  <td className="py-1 pr-4">
                    {ACTIONS[entry.action] ?? entry.action}{" "}
                    {entry.targetType === "comment" ? `#${entry.targetId}` : ""}
                  </td>
                  <td className="py-1">{entry.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
