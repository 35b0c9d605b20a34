import { getTranslations } from "next-intl/server";
import { LeadActivity } from "@/components/meetings/lead-activity";
import { LogMeetingPanel } from "@/components/meetings/log-meeting-panel";
import { MeetingDialogs } from "@/components/meetings/meeting-dialogs";
import { TimelineProvider } from "@/components/meetings/timeline-context";
import { TimelinePanel } from "@/components/meetings/timeline-panel";
import { TimelineTabs } from "@/components/meetings/timeline-tabs";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { fullName } from "@/lib/leads/service";
import { meetingFormOptions } from "@/lib/meetings/form-options";
import { loadHistoryFeed } from "@/lib/meetings/history-feed";
import { parseTimelineTab, timelineTabKey, timelineTabs, type TimelineTab } from "@/lib/meetings/timeline";
import { loadTimeline } from "@/lib/meetings/timeline-page";
import { logMeetingAction } from "./actions";
import { loadHistoryAction } from "./history-actions";
import { leadForRep } from "./lead";
import { changeMeetingAction } from "./meeting-actions";
import { loadTimelinePageAction } from "./timeline-actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string | string[] }> };

export default async function LeadPage({ params, searchParams }: Props) {
  const { id } = await params;
  const tab = parseTimelineTab((await searchParams).tab);
  await requireRep(`/leads/${encodeURIComponent(id)}?tab=${tab}`);
  const { rep, lead } = await leadForRep(id);
  const db = await getDb();
  const t = await getTranslations("meetings.timeline");

  const [timeline, options, activity] = await Promise.all([
    loadTimeline(db, { clientId: rep.clientId, leadId: lead.id, now: new Date(), tab }),
    meetingFormOptions(db, { clientId: rep.clientId }),
    loadHistoryFeed(db, { clientId: rep.clientId, timeZone: rep.timeZone, of: { leadId: lead.id }, offset: 0 }),
  ]);

  const panels = Object.fromEntries(
    timelineTabs.map((panelTab) => [
      panelTab,
      <TimelinePanel
        key={panelTab}
        leadId={lead.id}
        tab={panelTab}
        firstPage={panelTab === tab ? timeline.firstPage : null}
        total={timeline.counts[panelTab]}
        timeZone={rep.timeZone}
        emptyText={t(`empty.${timelineTabKey[panelTab]}`)}
      />,
    ]),
  ) as Record<TimelineTab, React.ReactNode>;

  return (
    <TimelineProvider changeMeeting={changeMeetingAction} loadHistory={loadHistoryAction} loadTimelinePage={loadTimelinePageAction}>
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
                {t("heading", { name: fullName(lead) })}
              </h2>
              <TimelineTabs counts={timeline.counts} panels={panels} />
            </section>
          </div>
          <LeadActivity leadId={lead.id} firstPage={activity} />
        </div>
      </MeetingDialogs>
    </TimelineProvider>
  );
}
