import type { ActorType, FieldChanges, MeetingHistoryType } from "@/db/enums";
import type { Locale } from "@/lib/i18n/locales";
import { formatDurationMinutes, formatInstant, formatMeetingTime } from "@/lib/time/locale-format";
import { givenNoShowReason } from "./display";

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

// The fields a change lists, in the order a meeting reads (the stored jsonb keeps its own key order); unknown fields last.
const fieldOrder = [
  "title", "description", "starts_at", "ends_at", "duration_minutes", "timezone", "status", "meeting_url", "location_type", "location_details", "host_name", "meeting_type", "attendee_name", "attendee_email", "attendee_phone", "additional_attendees", "confirmed_by_lead", "cancellation_reason", "no_show_reason", "outcome_notes", "external_calendar_provider", "external_event_id", "source",
];

/** Reads the "history" catalogue in the rep's language: getTranslations("history") on the server. */
export type HistoryTranslator = {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
};

export type HistoryDisplayOptions = { timeZone: string; locale: Locale; t: HistoryTranslator };

// The moment of the change itself, which the entry already shows as its time.
const shownByTheEntry = new Set(["cancelled_at", "outcome_at"]);
// Set from the action's reason, which the entry already shows as "Reason".
const reasonFields = new Set(["cancellation_reason", "no_show_reason"]);
// Changes in the order a meeting reads (the stored jsonb keeps its own key order); unknown fields last.
const fieldRank = (field: string) => (fieldOrder.includes(field) ? fieldOrder.indexOf(field) : fieldOrder.length);
const EMPTY = "—";

const labelOf = (field: string, t: HistoryTranslator) =>
  t.has(`fields.${field}`) ? t(`fields.${field}`) : field.charAt(0).toUpperCase() + field.slice(1).replaceAll("_", " ");

/** One value of a change, as text: instants in the rep's zone, enums by their labels, empty as "—". */
function formatValue(field: string, value: unknown, options: HistoryDisplayOptions): string {
  const { timeZone, locale, t } = options;
  if (value === null || value === undefined || value === "") return EMPTY;
  switch (field) {
    case "starts_at":
    case "ends_at":
      return formatInstant(new Date(String(value)), timeZone, locale, "full");
    case "duration_minutes":
      return formatDurationMinutes(Number(value), locale);
    case "status":
      return t.has(`status.${value}`) ? t(`status.${value}`) : String(value);
    case "location_type":
      return t.has(`locationType.${value}`) ? t(`locationType.${value}`) : String(value);
    case "timezone":
      return String(value).replaceAll("_", " ");
    case "no_show_reason":
      return givenNoShowReason(String(value)) ?? EMPTY;
    case "source":
      return value === "api" || value === "manual" ? t(`values.${value}`) : String(value);
  }
  if (typeof value === "boolean") return value ? t("values.yes") : t("values.no");
  if (Array.isArray(value)) {
    return value.length
      ? value.map((person: { name?: string | null; email?: string }) => (person.name ? `${person.name} <${person.email}>` : String(person.email))).join(", ")
      : EMPTY;
  }
  return String(value);
}

function actorLabel(entry: Pick<HistoryEntry, "actorType" | "actorName">, t: HistoryTranslator): string {
  if (entry.actorType === "rep") return entry.actorName ?? t("actor.rep");
  if (entry.actorType === "api") return entry.actorName ? t("actor.apiNamed", { name: entry.actorName }) : t("actor.api");
  return t("actor.system");
}

function scheduledFor(changes: FieldChanges, options: HistoryDisplayOptions): string | null {
  const start = changes.starts_at?.to;
  const end = changes.ends_at?.to;
  if (typeof start !== "string" || typeof end !== "string") return null;
  const { date, time } = formatMeetingTime(new Date(start), new Date(end), options.timeZone, options.locale);
  return `${date} · ${time}`;
}

export function describeHistoryEntry(entry: HistoryEntry, params: HistoryDisplayOptions & { meetingTitle?: string | null }): HistoryItem {
  const { timeZone, locale, t } = params;
  const isNew = entry.type === "meeting_scheduled";
  const changes = isNew
    ? []
    : Object.entries(entry.changes)
        .filter(([field, change]) => !shownByTheEntry.has(field) && !(reasonFields.has(field) && change.to === entry.reason))
        .sort(([a], [b]) => fieldRank(a) - fieldRank(b))
        .map(([field, change]) => ({
          field,
          label: labelOf(field, t),
          from: formatValue(field, change.from, params),
          to: formatValue(field, change.to, params),
        }))
        .filter((change) => change.from !== change.to);
  return {
    id: entry.id,
    meetingId: entry.meetingId,
    meetingTitle: params.meetingTitle ?? null,
    event: t.has(`events.${entry.type}`) ? t(`events.${entry.type}`) : entry.type,
    actor: actorLabel(entry, t),
    at: entry.at.toISOString(),
    atText: formatInstant(entry.at, timeZone, locale, "medium"),
    reason: entry.reason,
    scheduledFor: isNew ? scheduledFor(entry.changes, params) : null,
    changes,
  };
}

/** Whose history: one meeting's, or every meeting of a lead (its activity feed). */
export type HistoryScope = { meetingId: string } | { leadId: string };

/** A page of history, newest first; `nextOffset` is null on the last page. */
export type HistoryFeedPage = { items: HistoryItem[]; total: number; nextOffset: number | null };
