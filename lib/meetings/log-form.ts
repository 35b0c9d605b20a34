import type { LocationType } from "@/db/enums";
import { CORRECT_THE_FIELDS, formFailure, parseForm, type FieldErrors, type FormFailure, type FormResult } from "@/lib/forms";
import type { MeetingFormOptions } from "./form-options";
import { loggedOutcomeSchema, outcomeStartError, type LoggedOutcome } from "./outcome-schema";
import { meetingInputSchema, type NewMeeting } from "./schema";
import type { TimelineTab } from "./timeline";
import { editedTimeFields, noTimes, timeInput, type TimeValues } from "./time-form";

export type AttendeeRow = { key: number; name: string; email: string };

/** Upcoming ("scheduled", "confirmed by lead") or already happened ("completed", "no_show", with an outcome). */
export type LogFormStatus = "scheduled" | "confirmed" | "completed" | "no_show";

export type LogFormValues = TimeValues & {
  title: string;
  status: LogFormStatus;
  outcomeNotes: string;
  noShowReason: string;
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
    ...noTimes(params.timeZone),
    status: "scheduled",
    outcomeNotes: "",
    noShowReason: "",
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
  outcomeNotes: "outcome.notes",
  noShowReason: "outcome.reason",
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
    // A meeting that already happened is logged as scheduled, then its outcome applied.
    status: values.status === "confirmed" ? "confirmed" : "scheduled",
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

/** The outcome to record with the meeting, as loggedOutcomeSchema reads it; null for an upcoming meeting. */
export function toOutcomeInput(values: LogFormValues) {
  if (values.status === "completed") return { action: "complete" as const, notes: values.outcomeNotes };
  if (values.status === "no_show") return { action: "no_show" as const, reason: values.noShowReason, notes: values.outcomeNotes };
  return null;
}
export type OutcomeInputValues = ReturnType<typeof toOutcomeInput>;

/**
 * Checks a logged meeting and its optional outcome together, in the browser and again in the server
 * action, so one answer lists every bad field: the meeting's, the outcome's (`outcome.notes`), and a start
 * still in the future for a meeting said to have happened.
 */
export function parseLogForm(meeting: unknown, outcome: unknown, now: Date): { ok: true; meeting: NewMeeting; outcome: LoggedOutcome | null } | FormFailure {
  const parsedMeeting = parseForm(meetingInputSchema, meeting);
  const parsedOutcome = outcome === null || outcome === undefined ? null : parseForm(loggedOutcomeSchema, outcome, "outcome.");
  const fieldErrors: FieldErrors = {
    ...(parsedMeeting.ok ? {} : parsedMeeting.fieldErrors),
    ...(parsedOutcome && !parsedOutcome.ok ? parsedOutcome.fieldErrors : {}),
  };
  const startError = parsedMeeting.ok && parsedOutcome ? outcomeStartError(parsedMeeting.data.startsAt, now) : null;
  if (startError) fieldErrors.starts_at = startError;
  if (!parsedMeeting.ok || (parsedOutcome && !parsedOutcome.ok) || startError) return formFailure(CORRECT_THE_FIELDS, fieldErrors);
  return { ok: true, meeting: parsedMeeting.data, outcome: parsedOutcome?.data ?? null };
}

/** The dashboard's "Log meeting" server action: where the new meeting landed, or what to fix. */
export type LogMeetingResult = FormResult<{ tab: TimelineTab; meetingId: string }>;
export type LogMeetingAction = (leadId: string, meeting: MeetingInputValues, outcome: OutcomeInputValues) => Promise<LogMeetingResult>;
