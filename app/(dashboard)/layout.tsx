import { getTranslations } from "next-intl/server";
import { TopBar } from "@/components/top-bar";
import { ServiceUnavailable } from "@/components/service-unavailable";
import { currentRep, type Rep } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/errors";
import { chooseLanguage, signOut, signOutEverywhere } from "./actions";

/**
 * The signed-in shell. It does not redirect: each page calls requireRep() with its own URL so sign-in
 * can return there, and each server action checks the session again (a layout protects nothing by itself).
 */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  let rep: Rep | null;
  try {
    rep = await currentRep();
  } catch (error) {
    // During a database outage every dashboard page says so, rendered here on the server, fast.
    if (isDatabaseUnavailable(error)) return <ServiceUnavailable />;
    throw error;
  }
  const t = await getTranslations("common");
  return (
    <>
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-indigo-700 shadow focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        {t("skipToContent")}
      </a>
      {rep && <TopBar rep={rep} actions={{ signOut, signOutEverywhere, chooseLanguage }} />}
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 outline-none sm:px-6 sm:py-8">{children}</main>
    </>
  );
}
