import type { PublicMeeting } from "@/lib/openapi/responses";
import { toUtcIso } from "@/lib/time/zoned";
import type { MeetingView } from "./queries";
import { shownStatus } from "./status";

const MINUTE = 60_000;
const isoOrNull = (instant: Date | null) => (instant ? toUtcIso(instant) : null);

/**
 * The public JSON shape of a meeting, shared by GET and POST; unset optional fields are null, never absent.
 * The database keeps the same JSON of every meeting in meetings.public_json (its SQL form is the trigger of
 * migration 0013), which the API's lists send as stored; tests/db/public-json.test.ts pins the two equal.
 */
export function toPublicMeeting(meeting: MeetingView): PublicMeeting {
  return {
    id: meeting.id,
    lead_id: meeting.leadId,
    title: meeting.title,
    description: meeting.description,
    starts_at: toUtcIso(meeting.startsAt),
    ends_at: toUtcIso(meeting.endsAt),
    duration_minutes: Math.floor((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / MINUTE),
    timezone: meeting.timezone,
    status: shownStatus(meeting),
    meeting_url: meeting.meetingUrl,
    location_type: meeting.locationType,
    location_details: meeting.locationDetails,
    host_name: meeting.hostName,
    meeting_type: meeting.meetingTypeName,
    attendee_name: meeting.attendeeName,
    attendee_email: meeting.attendeeEmail,
    attendee_phone: meeting.attendeePhone,
    additional_attendees: meeting.additionalAttendees,
    confirmed_by_lead: meeting.confirmedByLead,
    cancelled_at: isoOrNull(meeting.cancelledAt),
    cancellation_reason: meeting.cancellationReason,
    no_show_reason: meeting.noShowReason,
    outcome_notes: meeting.outcomeNotes,
    outcome_at: isoOrNull(meeting.outcomeAt),
    external_calendar_provider: meeting.externalCalendarProvider,
    external_event_id: meeting.externalEventId,
    source: meeting.source,
    created_at: toUtcIso(meeting.createdAt),
    updated_at: toUtcIso(meeting.updatedAt),
  };
}
