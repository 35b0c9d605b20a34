import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { EmailText } from "@/components/ui/email-text";
import { Initials } from "@/components/ui/initials";
import { focusRing } from "@/components/ui/styles";
import { MeetingWhen } from "@/components/meetings/when";
import type { LeadListItem } from "@/lib/leads/list";

/** One lead of the list: name and company, the email under them (it tells same-name leads apart), next meeting, counts. */
export function LeadRow({ lead, timeZone }: { lead: LeadListItem; timeZone: string }) {
  const t = useTranslations("leads.row");
  return (
    <li data-testid="lead-row" className="relative flex flex-col gap-3 px-4 py-4 hover:bg-slate-50 sm:px-6 md:flex-row md:items-center md:gap-6">
      <div className="flex min-w-0 items-center gap-3 md:w-2/5">
        <Initials name={lead.name} />
        <div className="min-w-0">
          <p className="flex min-w-0 flex-wrap items-baseline gap-x-2">
            <Link
              href={`/leads/${lead.id}`}
              className={`truncate rounded font-medium text-slate-900 after:absolute after:inset-0 hover:text-indigo-700 ${focusRing}`}
            >
              {lead.name}
            </Link>
            {lead.company && (
              <span className="truncate text-sm text-slate-600" data-testid="lead-company">
                {lead.company}
              </span>
            )}
          </p>
          <p className="text-sm text-slate-500" data-testid="lead-contact">
            {lead.email && <EmailText email={lead.email} />}
            {lead.email && lead.phone && " · "}
            {lead.phone && <span className="whitespace-nowrap">{lead.phone}</span>}
            {!lead.email && !lead.phone && t("noContact")}
          </p>
        </div>
      </div>
      <div className="min-w-0 text-sm md:flex-1">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("nextMeeting")}</p>
        {lead.nextMeeting ? (
          <p className="text-slate-700 md:truncate" data-testid="next-meeting">
            <span className="font-medium text-slate-900">{lead.nextMeeting.title}</span>
            <span className="text-slate-500"> · </span>
            <MeetingWhen startsAt={lead.nextMeeting.startsAt} endsAt={lead.nextMeeting.endsAt} timeZone={timeZone} />
          </p>
        ) : (
          <p className="text-slate-500" data-testid="next-meeting">{t("noneScheduled")}</p>
        )}
      </div>
      <div className="flex flex-wrap gap-1.5 md:w-56 md:justify-end" data-testid="meeting-counts">
        <Badge tone="blue">{t("upcoming", { count: lead.counts.upcoming })}</Badge>
        <Badge tone="slate">{t("past", { count: lead.counts.past })}</Badge>
        <Badge tone={lead.counts.noShow ? "amber" : "slate"}>{t("noShow", { count: lead.counts.noShow })}</Badge>
        {lead.counts.awaitingOutcome > 0 && (
          <Badge tone="red" testId="awaiting-outcome">{t("awaitingOutcome", { count: lead.counts.awaitingOutcome })}</Badge>
        )}
      </div>
    </li>
  );
}
