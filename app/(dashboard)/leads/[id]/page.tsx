import { LeadActivity } from "@/components/meetings/lead-activity";
import { LogMeetingPanel } from "@/components/meetings/log-meeting-panel";
import { MeetingCard } from "@/components/meetings/meeting-card";
import { MeetingDialogs } from "@/components/meetings/meeting-dialogs";
import { TimelineProvider } from "@/components/meetings/timeline-context";
import { TimelineTabs } from "@/components/meetings/timeline-tabs";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { fullName } from "@/lib/leads/service";
import { meetingFormOptions } from "@/lib/meetings/form-options";
import { loadHistoryFeed } from "@/lib/meetings/history-feed";
import { listMeetingsOfLead } from "@/lib/meetings/queries";
import { groupTimeline, parseTimelineTab, timelineTabs, type TimelineTab } from "@/lib/meetings/timeline";
import { logMeetingAction } from "./actions";
import { loadHistoryAction } from "./history-actions";
import { leadForRep } from "./lead";
import { changeMeetingAction } from "./meeting-actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string | string[] }> };

const emptyTabText: Record<TimelineTab, string> = {
  upcoming: "No upcoming meetings. Log one when you book it.",
  past: "No past meetings yet.",
  "no-show": "No no-shows so far.",
};

function timeZoneChoices(repZone: string): string[] {
  return [...new Set([repZone, "UTC", ...Intl.supportedValuesOf("timeZone")])].sort((a, b) => a.localeCompare(b));
}

export default async function LeadPage({ params, searchParams }: Props) {
  const { id } = await params;
  const tab = parseTimelineTab((await searchParams).tab);
  await requireRep(`/leads/${encodeURIComponent(id)}?tab=${tab}`);
  const { rep, lead } = await leadForRep(id);
  const db = await getDb();

  const [meetings, options, activity] = await Promise.all([
    listMeetingsOfLead(db, { clientId: rep.clientId, leadId: lead.id }),
    meetingFormOptions(db, { clientId: rep.clientId }),
    loadHistoryFeed(db, { clientId: rep.clientId, timeZone: rep.timeZone, of: { leadId: lead.id }, offset: 0 }),
  ]);
  const now = new Date();
  const groups = groupTimeline(meetings, now);

  const counts = Object.fromEntries(timelineTabs.map((t) => [t, groups[t].length])) as Record<TimelineTab, number>;
  const panels = Object.fromEntries(
    timelineTabs.map((t) => [
      t,
      groups[t].length ? (
        <ol className="space-y-3">
          {groups[t].map((meeting) => (
            <li key={meeting.id}>
              <MeetingCard meeting={meeting} timeZone={rep.timeZone} now={now} />
            </li>
          ))}
        </ol>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 px-6 py-10 text-center text-sm text-slate-500">{emptyTabText[t]}</p>
      ),
    ]),
  ) as Record<TimelineTab, React.ReactNode>;

  return (
    <TimelineProvider timeZones={timeZoneChoices(rep.timeZone)} changeMeeting={changeMeetingAction} loadHistory={loadHistoryAction}>
      <MeetingDialogs>
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
          <div className="min-w-0 space-y-6">
            <LogMeetingPanel
              leadId={lead.id}
              repEmail={rep.email}
              defaultTimeZone={rep.timeZone}
              options={options}
              logMeeting={logMeetingAction}
            />
            <section aria-labelledby="timeline-heading">
              <h2 id="timeline-heading" className="sr-only">
                Meetings with {fullName(lead)}
              </h2>
              <TimelineTabs counts={counts} panels={panels} />
            </section>
          </div>
          <LeadActivity leadId={lead.id} firstPage={activity} />
        </div>
      </MeetingDialogs>
    </TimelineProvider>
  );
}
