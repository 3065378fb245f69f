import Link from "next/link";
import { randomUUID } from "node:crypto";
import type { ReactNode } from "react";
import { type CurrentUser } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { CommentForm } from "../[year]/[month]/[slug]/comment-form";

type ComposePageProps = {
  user: CurrentUser;
  back: { href: string; label: string };
  heading: ReactNode;
  /** What is being answered, and what else the viewer may do with it. */
  children?: ReactNode;
  target: { postId: number; parentId: number | null; commentsEnabled: boolean };
};

/**
 * Writing a comment on a page of its own, rendered per request: how readers without
 * JavaScript comment (the post page is cached, the same for everyone), and where a
 * sign-in for commenting returns to.
 */
export function ComposePage({ user, back, heading, children, target }: ComposePageProps) {
  return (
    <>
      <p className="text-sm text-muted">
        <Link href={back.href} className="link">
          ← {back.label}
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-bold">{heading}</h1>
      {children}
      <div className="mt-6">
        {!target.commentsEnabled ? (
          <p className="text-muted">Comments are closed on this post.</p>
        ) : !can(user, "create:comment") ? (
          <p className="text-muted">
            {user.banned ? "Your account has been banned from commenting." : "Your account cannot comment."}
          </p>
        ) : (
          <CommentForm
            postId={target.postId}
            parentId={target.parentId}
            idempotencyKey={randomUUID()}
            authorName={user.name}
            autoFocus
            inPlace={false}
          />
        )}
      </div>
    </>
  );
}
