import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageChoice } from "@/components/language-choice";
import { Logo } from "@/components/ui/logo";
import { cardClass } from "@/components/ui/styles";
import { safeReturnPath } from "@/lib/auth/routing";
import { currentRep } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/errors";
import { chooseSignInLanguage } from "./actions";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.signIn"))("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; ended?: string | string[] }> }) {
  const params = await searchParams;
  const next = safeReturnPath(params.next);
  // During a database outage the form still renders; signing in then says the service is unavailable.
  const rep = await currentRep().catch((error) => {
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (rep) redirect(next);
  const [t, locale] = await Promise.all([getTranslations("auth.signIn"), getLocale()]);

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="text-lg" />
          <h1 className="mt-6 text-2xl font-semibold tracking-tight">{t("heading")}</h1>
          <p className="mt-1 text-sm text-slate-500">{t("intro")}</p>
        </div>
        {params.ended === "1" && (
          <p role="status" className="mb-4 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("sessionEnded")}
          </p>
        )}
        <div className={`${cardClass} p-6 sm:p-8`}>
          <SignInForm next={next} />
        </div>
        <LanguageChoice current={locale} choose={chooseSignInLanguage} className="mt-6 justify-center" />
      </div>
    </main>
  );
}
