import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { SoftNavigation } from "@/components/soft-navigation";

export const metadata: Metadata = {
  title: { default: "Beyond the Model", template: "%s · Beyond the Model" },
  description: "Practise ML system design interviews with rubric-graded drills and a production pipeline you can break.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <SoftNavigation />
        <SiteHeader />
        <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
      </body>
    </html>
  );
}
