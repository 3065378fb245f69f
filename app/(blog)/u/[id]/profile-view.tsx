import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RoleBadge } from "@/components/comments/staff-badge";
import { Avatar } from "@/components/people/avatar";
import { UserText } from "@/components/user-text";
import { getProfileComments, getPublicProfile } from "@/lib/data/people";
import { profilePath } from "@/lib/people/paths";
import { formatDateHeader, formatTimestamp } from "@/lib/text/dates";
import { parseId, UserIdSchema } from "@/lib/validations/ids";

export type ProfileParams = Promise<{ id: string; before?: string }>;

async function load(params: ProfileParams) {
  const { id, before: rawBefore } = await params;
  const userId = UserIdSchema.safeParse(id);
  const before = rawBefore === undefined ? null : parseId(rawBefore);
  if (!userId.success || (rawBefore !== undefined && before === null)) return null;
  const profile = await getPublicProfile(userId.data);
  return profile && { profile, before };
}

export async function profileMetadata(params: ProfileParams): Promise<Metadata> {
  const found = await load(params);
  if (!found) return {};
  return {
    title: `${found.profile.name}'s comments`,
    alternates: { canonical: profilePath(found.profile.id) },
    // A page of someone's comments: readable, not for search engines to index as content.
    robots: { index: false, follow: true },
  };
}

/**
 * A person's public profile: name, join date and their published comments, newest first,
 * each linking to its place in its thread. Cached like every reader page; comment changes
 * and renames expire it (lib/cache/revalidate.ts).
 */
export async function ProfileView({ params }: { params: ProfileParams }) {
  const found = await load(params);
  if (!found) notFound();
  const { profile, before } = found;
  const { comments, olderCursor } = await getProfileComments(profile.id, before);
  if (before !== null && comments.length === 0) notFound();
  return (
    <>
      <header className="flex items-center gap-4">
        <Avatar userId={profile.id} name={profile.name} size="large" />
        <div>
          <h1 className="flex flex-wrap items-center gap-2 font-serif text-3xl font-bold">
            <bdi>{profile.name}</bdi>
            {profile.role && <RoleBadge role={profile.role} />}
          </h1>
          <p className="mt-1 text-sm text-muted">
            Joined <time dateTime={profile.joinedAt.toISOString()}>{formatDateHeader(profile.joinedAt)}</time>
          </p>
        </div>
      </header>
      <section aria-labelledby="profile-comments-heading" className="mt-8">
        <h2 id="profile-comments-heading" className="font-serif text-xl font-bold">
          {before === null ? "Comments" : "Older comments"}
        </h2>
        {comments.length === 0 ? (
          <p className="mt-4 text-muted">No comments yet.</p>
        ) : (
          <ol className="mt-4 space-y-6">
            {comments.map((comment) => (
              <li key={comment.id}>
                <article aria-labelledby={`profile-comment-${comment.id}`}>
                  <p id={`profile-comment-${comment.id}`} className="text-sm text-muted">
                    On{" "}
                    <Link href={comment.post.path} className="link">
                      {comment.post.title}
                    </Link>{" "}
                    ·{" "}
                    <a href={`/comments/${comment.id}`} className="hover:underline">
                      <time dateTime={comment.createdAt.toISOString()}>
                        {formatTimestamp(comment.createdAt)}
                      </time>
                      <span className="sr-only"> (open this comment in its thread)</span>
                    </a>
                  </p>
                  <div className="mt-1 leading-relaxed [overflow-wrap:anywhere]">
                    <UserText text={comment.body} />
                  </div>
                </article>
              </li>
            ))}
          </ol>
        )}
        {(before !== null || olderCursor !== null) && (
          <nav aria-label="More comments" className="mt-8 flex justify-between text-sm">
            {before !== null ? (
              <Link href={profilePath(profile.id)} className="link">
                Newest comments
              </Link>
            ) : (
              <span />
            )}
            {olderCursor !== null && (
              <Link href={profilePath(profile.id, olderCursor)} rel="next" className="link">
                Older comments
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
