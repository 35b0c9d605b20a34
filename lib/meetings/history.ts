import { and, count, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { descNullsLast } from "@/db/order";
import { meetingHistory, meetings, type FieldChanges, type MeetingHistoryType } from "@/db/schema";
import type { PublicHistoryEntry } from "@/lib/openapi/responses";
import { toUtcIso } from "@/lib/time/zoned";
import { publicMeetingsOf, type MeetingView } from "./queries";
import { toPublicMeeting } from "./serialize";
import { eventsWithPrevious, eventTypeOfHistory } from "@/lib/webhooks/events";
import { enqueueEventInsert, insertAndEnqueueWebhookEvent } from "@/lib/webhooks/outbox";

/** Who made a change: an API key (its label, else its prefix), a signed-in rep, or the system. */
export type Actor =
  | { type: "api"; name: string }
  | { type: "rep"; name: string; userId: string }
  | { type: "system"; name: null };

// Fields that change with every write or never: not "what changed".
const UNTRACKED = new Set(["id", "lead_id", "created_at", "updated_at"]);

/** The fields that differ between two versions of a meeting, named and formatted as the API shows them. */
export function meetingChanges(before: MeetingView | null, after: MeetingView): FieldChanges {
  const from: Record<string, unknown> = before ? toPublicMeeting(before) : {};
  const to: Record<string, unknown> = toPublicMeeting(after);
  const changes: FieldChanges = {};
  for (const [field, value] of Object.entries(to)) {
    if (UNTRACKED.has(field)) continue;
    const previous = before ? from[field] : null;
    if (JSON.stringify(previous) !== JSON.stringify(value)) changes[field] = { from: previous, to: value };
  }
  return changes;
}

/**
 * meetingChanges(null, meeting) in SQL, over the meeting's public JSON as jsonb: every tracked field that is not
 * null, from null. tests/db/public-json.test.ts pins the two equal.
 */
export function creationChanges(publicJson: SQL): SQL<FieldChanges> {
  const untracked = sql.raw([...UNTRACKED].map((field) => `'${field}'`).join(", "));
  return sql`(select coalesce(jsonb_object_agg(field.key, jsonb_build_object('from', null, 'to', field.value)), '{}'::jsonb)
    from jsonb_each(${publicJson}) as field where field.value <> 'null'::jsonb and field.key not in (${untracked}))`;
}

/** Who made a change, as a history entry's columns. */
export const actorColumns = (actor: Actor) => ({
  actorType: actor.type,
  actorName: actor.name,
  actorUserId: actor.type === "rep" ? actor.userId : null,
});

/**
 * The CTEs that record the creation of the meeting that `inserted`, an earlier CTE of the same statement, inserted:
 * its meeting_scheduled entry, and that entry queued as a webhook event (nothing when the insert wrote nothing).
 * Entry and event are written by PostgreSQL from the row as inserted, as recordHistory writes them from a row.
 * For a prepared statement: the client and the actor are the placeholders clientId, actorType, actorName and
 * actorUserId (actorColumns).
 */
export function meetingScheduledCtes(db: Database, inserted: string) {
  const h = meetingHistory;
  const columns = [h.clientId, h.meetingId, h.leadId, h.type, h.actorType, h.actorName, h.actorUserId, h.changes];
  const type: MeetingHistoryType = "meeting_scheduled";
  // The inserted meeting's id, client and lead, and its public JSON as jsonb.
  const scheduled = db.$with("scheduled", {}).as(publicMeetingsOf(sql`${sql.identifier(inserted)}`));
  // enqueueEventInsert reads the entry from a CTE named event.
  const event = db.$with("event", {}).as(sql`insert into ${h} (${sql.join(columns.map((column) => sql.identifier(column.name)), sql`, `)})
    select scheduled.client_id, scheduled.id, scheduled.lead_id, ${type}, ${sql.placeholder("actorType")},
      ${sql.placeholder("actorName")}, ${sql.placeholder("actorUserId")}::uuid, ${creationChanges(sql`scheduled.meeting`)}
    from scheduled
    returning ${h.id}, ${h.at}`);
  const queued = db.$with("queued", {}).as(enqueueEventInsert({
    clientId: sql.placeholder("clientId"),
    eventType: eventTypeOfHistory[type],
    data: sql`jsonb_build_object('meeting', (select scheduled.meeting from scheduled))`,
  }));
  return [scheduled, event, queued];
}

/**
 * Appends one history entry and queues it as a webhook event; call it in the transaction that made the
 * change. Every history entry is an event, with the entry's id as the event id.
 */
export async function recordHistory(
  db: Database,
  params: { meeting: MeetingView; type: MeetingHistoryType; actor: Actor; reason?: string | null; changes: FieldChanges },
): Promise<void> {
  const entry = db.insert(meetingHistory).values({
    clientId: params.meeting.clientId,
    meetingId: params.meeting.id,
    leadId: params.meeting.leadId,
    type: params.type,
    ...actorColumns(params.actor),
    reason: params.reason ?? null,
    changes: params.changes,
  }).returning({ id: meetingHistory.id, at: meetingHistory.at });
  const eventType = eventTypeOfHistory[params.type];
  const previous = Object.fromEntries(Object.entries(params.changes).map(([field, change]) => [field, change.from]));
  await insertAndEnqueueWebhookEvent(db, {
    insertReturningIdAndAt: entry.getSQL(),
    clientId: params.meeting.clientId,
    eventType,
    data: { meeting: toPublicMeeting(params.meeting), ...(eventsWithPrevious.has(eventType) && { previous }) },
  });
}

export type HistoryPage = { limit: number; offset: number };
type HistoryRow = typeof meetingHistory.$inferSelect & { meetingTitle: string };

/** A page of history, newest first, for one meeting or one lead of the client, with the total count; each entry names its meeting. */
export async function listHistory(
  db: Database,
  params: { clientId: string; of: { meetingId: string } | { leadId: string }; page: HistoryPage },
): Promise<{ entries: HistoryRow[]; total: number }> {
  const scope = and(
    eq(meetingHistory.clientId, params.clientId),
    "meetingId" in params.of ? eq(meetingHistory.meetingId, params.of.meetingId) : eq(meetingHistory.leadId, params.of.leadId),
  );
  const [entries, [{ total }]] = await Promise.all([
    db
      .select({ ...getTableColumns(meetingHistory), meetingTitle: meetings.title })
      .from(meetingHistory)
      .innerJoin(meetings, and(eq(meetings.id, meetingHistory.meetingId), eq(meetings.clientId, meetingHistory.clientId)))
      .where(scope)
      .orderBy(descNullsLast(meetingHistory.at), descNullsLast(meetingHistory.id))
      .limit(params.page.limit)
      .offset(params.page.offset),
    db.select({ total: count() }).from(meetingHistory).where(scope),
  ]);
  return { entries, total };
}

export function toPublicHistoryEntry(entry: HistoryRow): PublicHistoryEntry {
  return {
    id: entry.id,
    meeting_id: entry.meetingId,
    lead_id: entry.leadId,
    type: entry.type,
    at: toUtcIso(entry.at),
    actor_type: entry.actorType,
    actor_name: entry.actorName,
    reason: entry.reason,
    changes: entry.changes,
  };
}
