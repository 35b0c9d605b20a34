import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { meetings, meetingTypes, users } from "@/db/schema";
import { shownStatusValue } from "./status-sql";

// The SQL form of toPublicMeeting (serialize.ts): a meeting's public JSON written by PostgreSQL, for lists
// where mapping every row in JavaScript is the cost (a lead with 10,000 meetings answers in one piece).
// tests/db/public-json.test.ts pins the two equal, field by field and byte by byte.

// JavaScript Dates hold milliseconds: what TypeScript shows of a stored instant is the instant truncated to them.
const toMilliseconds = (column: AnyPgColumn) => sql`date_trunc('milliseconds', ${column})`;

/** toUtcIso (lib/time/zoned.ts): UTC with a Z, and ".mmm" only when the milliseconds are not zero. Null stays null. */
function utcIso(column: AnyPgColumn): SQL {
  const instant = toMilliseconds(column);
  return sql`to_char(${instant} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
    || case when date_trunc('second', ${column}) = ${instant} then 'Z' else to_char(${instant} at time zone 'UTC', '.MS"Z"') end`;
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
  ${meetings.timezone} as timezone, ${shownStatusValue} as status,
  ${meetings.meetingUrl} as meeting_url, ${meetings.locationType} as location_type, ${meetings.locationDetails} as location_details,
  ${users.name} as host_name, ${meetingTypes.name} as meeting_type,
  ${meetings.attendeeName} as attendee_name, ${meetings.attendeeEmail} as attendee_email, ${meetings.attendeePhone} as attendee_phone,
  ${meetings.additionalAttendees} as additional_attendees, ${meetings.confirmedByLead} as confirmed_by_lead,
  ${utcIso(meetings.cancelledAt)} as cancelled_at, ${meetings.cancellationReason} as cancellation_reason,
  ${meetings.noShowReason} as no_show_reason, ${meetings.outcomeNotes} as outcome_notes, ${utcIso(meetings.outcomeAt)} as outcome_at,
  ${meetings.externalCalendarProvider} as external_calendar_provider, ${meetings.externalEventId} as external_event_id,
  ${meetings.source} as source, ${utcIso(meetings.createdAt)} as created_at, ${utcIso(meetings.updatedAt)} as updated_at
) as public_meeting)`;
