"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { cardClass, primaryButtonClass, secondaryButtonClass } from "@/components/ui/styles";

/** What a rep sees when a page cannot load (the database is down, a bug): a way on, never a stack trace. */
export function PageError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("pages.error");
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className={`${cardClass} mx-auto max-w-lg p-8 text-center`}>
      <h1 className="text-lg font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {t("body")}
        {error.digest && <span className="mt-2 block text-xs text-slate-600">{t("reference", { digest: error.digest })}</span>}
      </p>
      <div className="mt-6 flex justify-center gap-3">
        <button type="button" onClick={() => retry()} className={primaryButtonClass}>
          {t("retry")}
        </button>
        <Link href="/leads" className={secondaryButtonClass}>
          {t("backToLeads")}
        </Link>
      </div>
    </div>
  );
}
