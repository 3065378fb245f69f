import type { Metadata, Viewport } from "next";
import { config } from "@/lib/config";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(config.siteUrl),
  title: { default: config.title, template: `%s | ${config.title}` },
  description: config.description,
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
};

// No request data here: reader pages below are cached (docs/decisions/010). The page
// language is the blog's (BLOG_LOCALE), not the reader's.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang={config.locale}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:bg-page focus:p-2"
        >
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
