import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { colorTokens } from "@/tailwind.config";
import "./globals.css";

// Geist (the `geist` package's variable font) cut to the Latin the studio writes:
// 32 kB instead of 70 before first paint. app/fonts/subset.mjs makes it.
const geistSans = localFont({
  src: "./fonts/geist-latin.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
});

export const metadata: Metadata = {
  title: "Krea Prompt Studio",
  description:
    "Write a prompt, pick a Krea v2 tier, ratio and creativity, see the cost, and watch the images arrive.",
  icons: { icon: "/icon.svg" },
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: colorTokens.panel.light },
    { media: "(prefers-color-scheme: dark)", color: colorTokens.panel.dark },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: Next can only put proxy.ts's CSP nonce
  // on its scripts while rendering, so a page prerendered at build would not run.
  await connection();
  return (
    <html lang="en" className={geistSans.variable}>
      <body className="bg-background font-sans text-sm text-foreground antialiased">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
