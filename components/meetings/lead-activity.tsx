import { cardClass } from "@/components/ui/styles";
import type { HistoryFeedPage } from "@/lib/meetings/history-display";
import { HistoryFeed } from "./history-feed";

/** The lead's activity feed: every change to any of its meetings, newest first; the first page is server-rendered. */
export function LeadActivity({ leadId, firstPage }: { leadId: string; firstPage: HistoryFeedPage }) {
  return (
    <section aria-labelledby="activity-heading" className={`${cardClass} p-4 sm:p-5`}>
      <h2 id="activity-heading" className="font-semibold">
        Activity
      </h2>
      <p className="mt-0.5 text-xs text-slate-500">Every change to this lead’s meetings, newest first.</p>
      <div className="mt-4">
        <HistoryFeed scope={{ leadId }} initialPage={firstPage} showMeetingTitles emptyText="Nothing yet. Meetings you log or change show up here." />
      </div>
    </section>
  );
}
