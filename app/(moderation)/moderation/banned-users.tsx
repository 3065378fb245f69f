import { formatTimestamp } from "@/lib/text/dates";
import { unbanUserAction } from "./actions";

type BannedUsersProps = {
  users: { id: string; name: string; email: string; bannedAt: Date | null; bannedReason: string | null }[];
};

export function BannedUsers({ users }: BannedUsersProps) {
  return (
    <section aria-labelledby="banned-heading" className="mt-10">
      <h2 id="banned-heading" className="text-xl font-bold">
        Banned users
      </h2>
      {users.length === 0 ? (
        <p className="mt-2 text-muted">Nobody is banned.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {users.map((user) => (
            <li key={user.id} className="flex flex-wrap items-center gap-3 text-sm">
              <span>
                <strong>
                  <bdi>{user.name}</bdi>
                </strong>{" "}
                <span className="text-muted">
                  {user.email} · since {user.bannedAt ? formatTimestamp(user.bannedAt) : "?"}
                  {user.bannedReason && <> — “{user.bannedReason}”</>}
                </span>
              </span>
              <form action={unbanUserAction}>
                <input type="hidden" name="userId" value={user.id} />
                <button type="submit" className="rounded border border-line px-3 py-1 font-semibold">
                  Unban <span className="sr-only">{user.name}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
