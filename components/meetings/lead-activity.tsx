import { useTranslations } from "next-intl";
import { cardClass } from "@/components/ui/styles";
import type { HistoryFeedPage } from "@/lib/meetings/history-display";
import { HistoryFeed } from "./history-feed";

/** The lead's activity feed: every change to any of its meetings, newest first; the first page is server-rendered. */
export function LeadActivity({ leadId, firstPage }: { leadId: string; firstPage: HistoryFeedPage }) {
  const t = useTranslations("history.activity");
  return (
    <section aria-labelledby="activity-heading" className={`${cardClass} p-4 sm:p-5`}>
      <h2 id="activity-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-0.5 text-xs text-slate-500">{t("intro")}</p>
      <div className="mt-4">
        <HistoryFeed scope={{ leadId }} initialPage={firstPage} showMeetingTitles emptyText={t("empty")} />
      </div>
    </section>
  );
}
