import Link from "next/link";
import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-line">
        <div className="mx-auto max-w-md px-4 py-4">
          <Link href="/" className="font-serif text-2xl font-bold tracking-tight">
            {config.title}
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-8">
        {children}
      </main>
    </>
  );
}
