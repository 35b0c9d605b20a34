import type { StoredMeetingStatus } from "@/db/enums";

export const shownMeetingStatuses = ["scheduled", "confirmed", "completed", "cancelled", "no_show"] as const;
export type ShownMeetingStatus = (typeof shownMeetingStatuses)[number];

/** What the API and the dashboard show: a scheduled meeting the lead confirmed reads as `confirmed`. */
export function shownStatus(meeting: { status: StoredMeetingStatus; confirmedByLead: boolean }): ShownMeetingStatus {
  return meeting.status === "scheduled" && meeting.confirmedByLead ? "confirmed" : meeting.status;
}
