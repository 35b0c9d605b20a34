import Link from "next/link";
import { useTranslations } from "next-intl";
import { cardClass, primaryButtonClass } from "@/components/ui/styles";

export function NotFoundMessage() {
  const t = useTranslations("pages.notFound");
  return (
    <div className={`${cardClass} mx-auto max-w-lg p-8 text-center`}>
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-1 text-lg font-semibold">{t("heading")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("body")}</p>
      <Link href="/leads" className={`${primaryButtonClass} mt-6`}>
        {t("backToLeads")}
      </Link>
    </div>
  );
}
