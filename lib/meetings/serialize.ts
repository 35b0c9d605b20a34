import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { meetings, meetingTypes, users } from "@/db/schema";
import type { PublicMeeting } from "@/lib/openapi/responses";
import { toUtcIso } from "@/lib/time/zoned";
import type { MeetingView } from "./queries";
import { shownStatus } from "./status";
import { shownStatusValue } from "./status";

const MINUTE = 60_000;
const isoOrNull = (instant: Date | null) => (instant ? toUtcIso(instant) : null);

/** The public JSON shape of a meeting, shared by GET and POST; unset optional fields are null, never absent. */
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

// The same JSON in SQL, written by PostgreSQL, for lists where mapping every row in JavaScript is the cost
// (a lead with 10,000 meetings answers in one piece). tests/db/public-json.test.ts pins the two equal, key for key.

// JavaScript Dates hold milliseconds: what TypeScript shows of a stored instant is the instant truncated to them.
const toMilliseconds = (column: AnyPgColumn) => sql`date_trunc('milliseconds', ${column})`;

/**
 * toUtcIso (lib/time/zoned.ts): UTC with a Z, and ".mmm" only when the milliseconds are not zero. Null stays
 * null. One to_char per instant (its MS truncates microseconds, as a JavaScript Date does): the JSON of a page
 * of 50 meetings formats 300 of them.
 */
function utcIso(column: AnyPgColumn): SQL {
  return sql`replace(to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '.000Z', 'Z')`;
}

/**
 * The meeting's public JSON text, keys in the order toPublicMeeting writes them: compact, but for
 * additional_attendees, which is stored as jsonb and keeps its text form (`{"name": "Ana", …}`); the same
 * JSON, with the spacing RFC 8259 allows. For a select from
 * `meetings` left-joined to its host (`users`) and type (`meetingTypes`), as selectMeetingViews joins them.
 */
export const publicMeetingJson: SQL<string> = sql`(select row_to_json(public_meeting)::text from (select
  ${meetings.id} as id, ${meetings.leadId} as lead_id, ${meetings.title} as title, ${meetings.description} as description,
  ${utcIso(meetings.startsAt)} as starts_at, ${utcIso(meetings.endsAt)} as ends_at,
  floor(extract(epoch from ${toMilliseconds(meetings.endsAt)} - ${toMilliseconds(meetings.startsAt)}) / 60)::int as duration_minutes,
  ${meetings.timezone} as timezone, ${shownStatusValue(meetings)} as status,
  ${meetings.meetingUrl} as meeting_url, ${meetings.locationType} as location_type, ${meetings.locationDetails} as location_details,
  ${users.name} as host_name, ${meetingTypes.name} as meeting_type,
  ${meetings.attendeeName} as attendee_name, ${meetings.attendeeEmail} as attendee_email, ${meetings.attendeePhone} as attendee_phone,
  ${meetings.additionalAttendees} as additional_attendees, ${meetings.confirmedByLead} as confirmed_by_lead,
  ${utcIso(meetings.cancelledAt)} as cancelled_at, ${meetings.cancellationReason} as cancellation_reason,
  ${meetings.noShowReason} as no_show_reason, ${meetings.outcomeNotes} as outcome_notes, ${utcIso(meetings.outcomeAt)} as outcome_at,
  ${meetings.externalCalendarProvider} as external_calendar_provider, ${meetings.externalEventId} as external_event_id,
  ${meetings.source} as source, ${utcIso(meetings.createdAt)} as created_at, ${utcIso(meetings.updatedAt)} as updated_at
) as public_meeting)`;
