import { formatMeetingTime } from "@/lib/time/locale-format";
import type { ActorType, FieldChanges, LocationType, MeetingHistoryType } from "@/db/enums";
import { formatZoned } from "@/lib/time/format";
import { formatMinutes, givenNoShowReason, locationTypeLabels, statusLabels } from "./display";
import type { ShownMeetingStatus } from "./status";

/** A history entry as stored (`listHistory`): `changes` uses the API's field names and UTC instants. */
export type HistoryEntry = {
  id: string;
  meetingId: string;
  type: MeetingHistoryType;
  at: Date;
  actorType: ActorType;
  actorName: string | null;
  reason: string | null;
  changes: FieldChanges;
};

export type HistoryChange = { field: string; label: string; from: string; to: string };

/** A history entry as people read it, every time in the rep's zone; plain data, so it can cross to the browser. */
export type HistoryItem = {
  id: string;
  meetingId: string;
  meetingTitle: string | null;
  event: string;
  actor: string;
  at: string;
  atText: string;
  reason: string | null;
  /** For a new meeting: when it was booked for (its creation diff, every field from nothing, is not listed). */
  scheduledFor: string | null;
  changes: HistoryChange[];
};

const eventLabels: Record<MeetingHistoryType, string> = {
  meeting_scheduled: "Scheduled",
  meeting_updated: "Updated",
  meeting_rescheduled: "Rescheduled",
  meeting_confirmed: "Confirmed by the lead",
  meeting_cancelled: "Cancelled",
  meeting_completed: "Completed",
  meeting_no_show: "Marked no-show",
};

const fieldLabels: Record<string, string> = {
  title: "Title",
  description: "Description",
  starts_at: "Start",
  ends_at: "End",
  duration_minutes: "Duration",
  timezone: "Booked in",
  status: "Status",
  meeting_url: "Meeting URL",
  location_type: "Location type",
  location_details: "Location details",
  host_name: "Host",
  meeting_type: "Meeting type",
  attendee_name: "Attendee",
  attendee_email: "Attendee email",
  attendee_phone: "Attendee phone",
  additional_attendees: "Additional attendees",
  confirmed_by_lead: "Confirmed by lead",
  cancellation_reason: "Cancellation reason",
  no_show_reason: "No-show reason",
  outcome_notes: "Notes",
  external_calendar_provider: "Calendar",
  external_event_id: "Calendar event",
  source: "Source",
};

// The moment of the change itself, which the entry already shows as its time.
const shownByTheEntry = new Set(["cancelled_at", "outcome_at"]);
// Set from the action's reason, which the entry already shows as "Reason".
const reasonFields = new Set(["cancellation_reason", "no_show_reason"]);
// Changes in the order a meeting reads (the stored jsonb keeps its own key order); unknown fields last.
const fieldOrder = Object.keys(fieldLabels);
const fieldRank = (field: string) => (fieldOrder.includes(field) ? fieldOrder.indexOf(field) : fieldOrder.length);
const EMPTY = "—";

const labelOf = (field: string) => fieldLabels[field] ?? field.charAt(0).toUpperCase() + field.slice(1).replaceAll("_", " ");

/** One value of a change, as text: instants in the rep's zone, enums by their labels, empty as "—". */
function formatValue(field: string, value: unknown, timeZone: string): string {
  if (value === null || value === undefined || value === "") return EMPTY;
  switch (field) {
    case "starts_at":
    case "ends_at":
      return formatZoned(new Date(String(value)), timeZone, "EEE, MMM d, yyyy, h:mm a zzz");
    case "duration_minutes":
      return formatMinutes(Number(value));
    case "status":
      return statusLabels[value as ShownMeetingStatus] ?? String(value);
    case "location_type":
      return locationTypeLabels[value as LocationType] ?? String(value);
    case "timezone":
      return String(value).replaceAll("_", " ");
    case "no_show_reason":
      return givenNoShowReason(String(value)) ?? EMPTY;
    case "source":
      return value === "api" ? "API" : value === "manual" ? "Manual" : String(value);
  }
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) {
    return value.length
      ? value.map((person: { name?: string | null; email?: string }) => (person.name ? `${person.name} <${person.email}>` : String(person.email))).join(", ")
      : EMPTY;
  }
  return String(value);
}

function actorLabel(entry: Pick<HistoryEntry, "actorType" | "actorName">): string {
  if (entry.actorType === "rep") return entry.actorName ?? "A rep";
  if (entry.actorType === "api") return entry.actorName ? `API (${entry.actorName})` : "API";
  return "System";
}

function scheduledFor(changes: FieldChanges, timeZone: string): string | null {
  const start = changes.starts_at?.to;
  const end = changes.ends_at?.to;
  if (typeof start !== "string" || typeof end !== "string") return null;
  const { date, time } = formatMeetingTime(new Date(start), new Date(end), timeZone, "en");
  return `${date} · ${time}`;
}

export function describeHistoryEntry(entry: HistoryEntry, params: { timeZone: string; meetingTitle?: string | null }): HistoryItem {
  const { timeZone } = params;
  const isNew = entry.type === "meeting_scheduled";
  const changes = isNew
    ? []
    : Object.entries(entry.changes)
        .filter(([field, change]) => !shownByTheEntry.has(field) && !(reasonFields.has(field) && change.to === entry.reason))
        .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
        .map(([field, change]) => ({
          field,
          label: labelOf(field),
          from: formatValue(field, change.from, timeZone),
          to: formatValue(field, change.to, timeZone),
        }))
        .filter((change) => change.from !== change.to);
  return {
    id: entry.id,
    meetingId: entry.meetingId,
    meetingTitle: params.meetingTitle ?? null,
    event: eventLabels[entry.type] ?? entry.type,
    actor: actorLabel(entry),
    at: entry.at.toISOString(),
    atText: formatZoned(entry.at, timeZone, "MMM d, yyyy, h:mm a zzz"),
    reason: entry.reason,
    scheduledFor: isNew ? scheduledFor(entry.changes, timeZone) : null,
    changes,
  };
}

/** Whose history: one meeting's, or every meeting of a lead (its activity feed). */
export type HistoryScope = { meetingId: string } | { leadId: string };

/** A page of history, newest first; `nextOffset` is null on the last page. */
export type HistoryFeedPage = { items: HistoryItem[]; total: number; nextOffset: number | null };
