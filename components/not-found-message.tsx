import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="py-12 text-center">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-3 text-muted">Sorry, the page you were looking for in this blog does not exist.</p>
      <p className="mt-6">
        <Link href="/" className="link">
          Go to the home page
        </Link>
      </p>
    </div>
  );
}
