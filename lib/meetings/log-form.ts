import type { LocationType } from "@/db/enums";
import type { FormResult } from "@/lib/forms";
import type { MeetingFormOptions } from "./form-options";
import type { TimelineTab } from "./timeline";
import { editedTimeFields, timeInput, type TimeValues } from "./time-form";

export type AttendeeRow = { key: number; name: string; email: string };

export type LogFormValues = TimeValues & {
  title: string;
  status: "scheduled" | "confirmed";
  locationType: LocationType;
  locationDetails: string;
  meetingUrl: string;
  hostEmail: string;
  meetingTypeId: string;
  description: string;
  attendees: AttendeeRow[];
};

export function initialLogFormValues(params: { timeZone: string; repEmail: string; options: MeetingFormOptions }): LogFormValues {
  return {
    title: "",
    startsAt: "",
    endMode: "duration",
    durationMinutes: "30",
    endsAt: "",
    timezone: params.timeZone,
    status: "scheduled",
    locationType: "video",
    locationDetails: "",
    meetingUrl: "",
    hostEmail: params.options.hosts.some((host) => host.email === params.repEmail) ? params.repEmail : "",
    meetingTypeId: "",
    description: "",
    attendees: [],
  };
}

const apiFieldOf: Record<Exclude<keyof LogFormValues, keyof TimeValues>, string> = {
  title: "title",
  status: "status",
  locationType: "location_type",
  locationDetails: "location_details",
  meetingUrl: "meeting_url",
  hostEmail: "host_email",
  meetingTypeId: "meeting_type_id",
  description: "description",
  attendees: "additional_attendees",
};

/** The API fields whose errors an edit of these form values answers. */
export function editedLogFields(patch: Partial<LogFormValues>): string[] {
  return [...editedTimeFields(patch), ...Object.keys(patch).flatMap((key) => apiFieldOf[key as keyof typeof apiFieldOf] ?? [])];
}

/** The form's values as the shared meetingInputSchema reads them; blank attendee rows are left out. */
export function toMeetingInput(values: LogFormValues, leadId: string) {
  const attendees = values.attendees.filter((row) => row.name.trim() || row.email.trim());
  const input = {
    lead_id: leadId,
    title: values.title,
    ...timeInput(values),
    status: values.status,
    location_type: values.locationType,
    location_details: values.locationDetails,
    meeting_url: values.meetingUrl,
    host_email: values.hostEmail,
    meeting_type_id: values.meetingTypeId,
    description: values.description,
    additional_attendees: attendees.map((row) => ({ name: row.name, email: row.email })),
  };
  return { input, attendeeKeys: attendees.map((row) => row.key) };
}

export type MeetingInputValues = ReturnType<typeof toMeetingInput>["input"];

/** The dashboard's "Log meeting" server action: where the new meeting landed, or what to fix. */
export type LogMeetingResult = FormResult<{ tab: TimelineTab; meetingId: string }>;
export type LogMeetingAction = (leadId: string, meeting: MeetingInputValues) => Promise<LogMeetingResult>;
