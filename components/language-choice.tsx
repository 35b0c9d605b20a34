"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { focusRing } from "@/components/ui/styles";
import { localeNames, locales, type Locale } from "@/lib/i18n/locales";

/** English / Español, each named in its own language; the current one is pressed. The page re-renders in the choice. */
export function LanguageChoice(props: { current: Locale; choose: (locale: string) => Promise<void>; className?: string }) {
  const t = useTranslations("common.account");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className={`flex gap-1 ${props.className ?? ""}`}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === props.current}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await props.choose(locale);
              router.refresh();
            })
          }
          className={`rounded-md border px-2 py-1 text-sm ${locale === props.current ? "border-indigo-600 bg-indigo-50 text-indigo-800" : "border-slate-200 bg-white text-slate-700 hover:bg-slate-50"} ${focusRing}`}
        >
          {localeNames[locale]}
        </button>
      ))}
    </div>
  );
}
