import { useTranslations } from "next-intl";
import { cardClass, primaryButtonClass } from "@/components/ui/styles";

/** Rendered on the server while the database cannot be reached: readable without JavaScript, no stack. */
export function ServiceUnavailable() {
  const t = useTranslations("pages.unavailable");
  return (
    <main id="main" className="px-4 py-16">
      <div role="alert" className={`${cardClass} mx-auto max-w-lg p-8 text-center`}>
        <h1 className="text-lg font-semibold">{t("heading")}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {t("body")}
        </p>
        {/* A plain link reloads the same address, with or without JavaScript. */}
        <a href="" className={`${primaryButtonClass} mt-6`}>
          {t("retry")}
        </a>
      </div>
    </main>
  );
}
