import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Flowgate", template: "%s · Flowgate" },
  description:
    "AI-assisted approval workflows: the AI advises, the engine decides, a human approves.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request (the 404 page too): each gets its own CSP nonce, which
  // Next.js can only put on scripts it renders then (lib/http/page-guard.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {children}
      </body>
    </html>
  );
}
