import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";

export default function LeadsLoading() {
  const t = useTranslations("leads.list");
  return (
    <div className="space-y-6" aria-busy="true" aria-label={t("loading")}>
      <div className="h-8 w-40 animate-pulse rounded-md bg-slate-200" />
      <div className={`${cardClass} divide-y divide-slate-100`}>
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="flex items-center gap-3 px-6 py-4">
            <div className="size-9 animate-pulse rounded-full bg-slate-200" />
            <div className="flex-1 space-y-2">
              <div className="h-3 w-1/3 animate-pulse rounded bg-slate-200" />
              <div className="h-3 w-1/2 animate-pulse rounded bg-slate-100" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
