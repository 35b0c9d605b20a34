import type { FormResult } from "@/lib/forms";
import type { HistoryFeedPage, HistoryScope } from "./history-display";
import type { ShownMeetingStatus } from "./status";
import type { TimelineTab } from "./timeline";
import type { TimelinePage } from "./timeline-page";
import type { LifecycleAction } from "./transitions";

/** The order of a meeting card's buttons ("meetings.actions" in the catalogue): outcomes first, the destructive one last. */
export const cardActionOrder: readonly LifecycleAction[] = ["complete", "no_show", "confirm", "reschedule", "cancel"];

/** The actions that record how a meeting went: offered beside "Awaiting outcome" when one is missing. */
export const outcomeActions: readonly LifecycleAction[] = ["complete", "no_show"];

/** A lifecycle action's answer: the tab the meeting is now in and a sentence to announce. */
export type MeetingActionResult = FormResult<{ tab: TimelineTab; message: string }>;
export type ChangeMeetingAction = (meetingId: string, action: LifecycleAction, body: object) => Promise<MeetingActionResult>;
export type LoadTimelinePageAction = (leadId: string, tab: TimelineTab, cursor: string | null) => Promise<FormResult<{ page: TimelinePage }>>;
export type LoadHistoryAction = (scope: HistoryScope, offset: number) => Promise<FormResult<{ page: HistoryFeedPage }>>;

/** What a card's interactive parts know of its meeting: plain data, prepared on the server. */
export type CardMeeting = {
  id: string;
  title: string;
  /** Date and time in the rep's zone, e.g. "Tue, Nov 24, 2026 · 10:00 – 10:30 AM EST". */
  when: string;
  status: ShownMeetingStatus;
  /** The current times, which a reschedule starts from (in the meeting's own zone). */
  times: { startsAt: Date; endsAt: Date; timezone: string };
  /** The outcome's notes, which correcting a completed meeting to no-show (or back) starts from. */
  outcomeNotes: string | null;
};
