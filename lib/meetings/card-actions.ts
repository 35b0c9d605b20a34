import type { FormResult } from "@/lib/forms";
import type { HistoryFeedPage, HistoryScope } from "./history-display";
import type { ShownMeetingStatus } from "./status";
import type { TimeValues } from "./time-form";
import type { TimelineTab } from "./timeline";
import type { TimelinePage } from "./timeline-page";
import type { LifecycleAction } from "./transitions";

/** What a meeting card's buttons say, in the order they appear: outcomes first, the destructive one last. */
export const actionButtonLabels: Record<LifecycleAction, string> = {
  complete: "Mark completed",
  no_show: "Mark no-show",
  confirm: "Mark confirmed",
  reschedule: "Reschedule",
  cancel: "Cancel meeting",
};
export const cardActionOrder = Object.keys(actionButtonLabels) as LifecycleAction[];

/** The actions that record how a meeting went: offered beside "Awaiting outcome" when one is missing. */
export const outcomeActions: readonly LifecycleAction[] = ["complete", "no_show"];

export const actionDoneWords: Record<LifecycleAction, string> = {
  cancel: "cancelled",
  no_show: "marked as no-show",
  complete: "marked as completed",
  confirm: "marked as confirmed by the lead",
  reschedule: "rescheduled",
};

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
  /** The current times in the meeting's own zone, as a reschedule starts from. */
  timeValues: TimeValues;
};
