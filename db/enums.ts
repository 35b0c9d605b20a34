// Column value sets, kept free of drizzle imports so browser code (the meeting form's schema) can use them.

export const storedMeetingStatuses = ["scheduled", "completed", "cancelled", "no_show"] as const;
export type StoredMeetingStatus = (typeof storedMeetingStatuses)[number];
export const locationTypes = ["video", "phone", "in_person"] as const;
export type LocationType = (typeof locationTypes)[number];
export const meetingSources = ["api", "manual"] as const;
export type MeetingSource = (typeof meetingSources)[number];
export type AdditionalAttendee = { name: string | null; email: string };
