// Column value sets, kept free of drizzle imports so browser code (the meeting form's schema) can use them.

export const storedMeetingStatuses = ["scheduled", "completed", "cancelled", "no_show"] as const;
export type StoredMeetingStatus = (typeof storedMeetingStatuses)[number];
export const locationTypes = ["video", "phone", "in_person"] as const;
export type LocationType = (typeof locationTypes)[number];
export const meetingSources = ["api", "manual"] as const;
export type MeetingSource = (typeof meetingSources)[number];
export type AdditionalAttendee = { name: string | null; email: string };
export const meetingHistoryTypes = [
  "meeting_scheduled", "meeting_updated", "meeting_rescheduled", "meeting_confirmed", "meeting_cancelled",
  "meeting_completed", "meeting_no_show",
] as const;
export type MeetingHistoryType = (typeof meetingHistoryTypes)[number];
export const actorTypes = ["api", "rep", "system"] as const;
export type ActorType = (typeof actorTypes)[number];
/** A changed field as the API names and formats it: `{ starts_at: { from: "…Z", to: "…Z" } }`. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>;
