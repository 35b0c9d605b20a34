import { useTranslations } from "next-intl";

export default function LeadLoading() {
  const t = useTranslations("meetings.timeline");
  return (
    <div className="space-y-6" aria-busy="true" aria-label={t("loading")}>
      <div className="h-9 w-32 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-10 w-full animate-pulse rounded bg-slate-100" />
      {Array.from({ length: 3 }, (_, index) => (
        <div key={index} className="h-32 animate-pulse rounded-xl border border-slate-200 bg-white" />
      ))}
    </div>
  );
}
