import { useTranslations } from "next-intl";
import { focusRing } from "@/components/ui/styles";
import type { HistoryItem } from "@/lib/meetings/history-display";

/** History entries, newest first: what happened, who did it and when, and each field from → to. */
export function HistoryList({ items, showMeetingTitles = false }: { items: HistoryItem[]; showMeetingTitles?: boolean }) {
  const t = useTranslations("history.entry");
  return (
    <ol className="space-y-4">
      {items.map((item) => (
        <li key={item.id} tabIndex={-1} data-testid="history-entry" className={`relative rounded-r border-l-2 border-slate-200 pl-3 ${focusRing}`}>
          <p className="text-sm break-words">
            <span className="font-medium text-slate-900" data-testid="history-event">
              {item.event}
            </span>
            {showMeetingTitles && item.meetingTitle && <span className="text-slate-600"> · {item.meetingTitle}</span>}
          </p>
          <p className="text-xs text-slate-500">
            {item.actor} · <time dateTime={item.at}>{item.atText}</time>
          </p>
          {item.scheduledFor && <p className="mt-1 text-sm text-slate-700">{t("scheduledFor", { when: item.scheduledFor })}</p>}
          {item.reason && (
            <p className="mt-1 text-sm break-words whitespace-pre-line text-slate-700">
              <span className="text-slate-500">{t("reason")} </span>
              {item.reason}
            </p>
          )}
          {item.changes.length > 0 && (
            <dl className="mt-1 space-y-1 text-sm">
              {item.changes.map((change) => (
                <div key={change.field} className="break-words">
                  <dt className="inline text-slate-500">{change.label}: </dt>
                  <dd className="inline">
                    <span className="sr-only">{t("from")} </span>
                    <span className="text-slate-500">{change.from}</span>
                    <span aria-hidden> → </span>
                    <span className="sr-only"> {t("to")} </span>
                    <span className="text-slate-900">{change.to}</span>
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ol>
  );
}
