import type { MeetingHistoryType } from "@/db/enums";

/** The events an endpoint can subscribe to: one per kind of meeting history entry. */
export const webhookEventTypes = [
  "meeting.scheduled", "meeting.confirmed", "meeting.cancelled", "meeting.completed", "meeting.no_show",
  "meeting.rescheduled", "meeting.updated",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const eventTypeOfHistory: Record<MeetingHistoryType, WebhookEventType> = {
  meeting_scheduled: "meeting.scheduled",
  meeting_confirmed: "meeting.confirmed",
  meeting_cancelled: "meeting.cancelled",
  meeting_completed: "meeting.completed",
  meeting_no_show: "meeting.no_show",
  meeting_rescheduled: "meeting.rescheduled",
  meeting_updated: "meeting.updated",
};

// Only these carry `previous`: the other events are a status change the meeting itself shows.
export const eventsWithPrevious = new Set<WebhookEventType>(["meeting.rescheduled", "meeting.updated"]);
