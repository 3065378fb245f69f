import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
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

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page (the 404 page included) render per request,
  // which the per-request CSP nonce from proxy.ts requires.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:bg-page focus:p-2">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
