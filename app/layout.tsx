import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Nexor Meetings", template: "%s · Nexor Meetings" },
  description: "Lead meetings for sales teams",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: the proxy's CSP nonce is new each time, and Next stamps it on its scripts.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
