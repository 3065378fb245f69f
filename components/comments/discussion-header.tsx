import Link from "next/link";

/** Top of a page that shows part of a post's discussion away from the post itself. */
export function DiscussionHeader({ title, path, heading }: { title: string; path: string; heading: string }) {
  return (
    <header className="mb-6 border-b border-line pb-4">
      <p className="text-sm text-muted">
        <Link href={path} className="link">
          ← {title}
        </Link>
      </p>
      <h1 className="mt-2 font-serif text-2xl font-bold">{heading}</h1>
    </header>
  );
}
