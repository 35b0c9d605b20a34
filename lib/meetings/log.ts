import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { preparedStatement } from "@/db/prepared";
import { meetings, type MeetingSource } from "@/db/schema";
import { AppError, leadNotFound, violatedForeignKey } from "@/lib/errors";
import { fullName, type Lead } from "@/lib/leads/service";
import { actorColumns, meetingChanges, meetingScheduledCtes, recordHistory, type Actor } from "./history";
import { applyMeetingAction, type RecordedOutcome } from "./lifecycle";
import { findMeetingOfExternalEvent, meetingRowColumns, type MeetingRow, type MeetingView } from "./queries";
import { resolveLeadAndEventMeeting, resolveReferences } from "./references";
import type { NewMeeting } from "./schema";

// Columns a replay overwrites: everything the body decides; identity, tenant, lead and outcome fields stay.
const replayedColumns = [
  "title", "description", "startsAt", "endsAt", "timezone", "confirmedByLead", "meetingUrl", "locationType",
  "locationDetails", "hostUserId", "meetingTypeId", "attendeeName", "attendeeEmail", "attendeePhone",
  "additionalAttendees", "source",
] as const satisfies readonly (keyof MeetingRow)[];
type ReplayedValues = Pick<MeetingRow, (typeof replayedColumns)[number]>;

/**
 * Logs a meeting booked elsewhere (or by hand), with its `meeting_scheduled` history entry, atomically: in
 * one statement, or with an `outcome` in one transaction. With both external ids it is idempotent: a replay
 * for the same lead updates the meeting in place (see `replay`). `outcome` records a meeting that already
 * happened, through the same transitions.
 */
export async function logMeeting(
  db: Database,
  params: { clientId: string; input: NewMeeting; source: MeetingSource; actor: Actor; outcome?: RecordedOutcome },
): Promise<{ meeting: MeetingView; created: boolean }> {
  const { clientId, input } = params;
  // Read before any transaction (a read inside one would not lock them either): the lead, the host and type,
  // and the meeting an external event already made, so the commonest replay, one that changes nothing, is
  // answered from plain reads. A lead deleted meanwhile fails the insert's foreign key: lead_not_found.
  const event = input.externalCalendarProvider && input.externalEventId
    ? { provider: input.externalCalendarProvider, eventId: input.externalEventId }
    : null;
  const { lead, seen } = await resolveLeadAndEventMeeting(db, { clientId, input, event });
  const { host, meetingType } = await resolveReferences(db, { clientId, input });
  const names = { hostName: host?.name ?? null, meetingTypeName: meetingType?.name ?? null };
  const values = meetingValues({ clientId, input, lead, hostUserId: host?.id ?? null, meetingTypeId: meetingType?.id ?? null, source: params.source });
  const replayed = { clientId, leadId: lead.id, values, names, actor: params.actor };

  if (seen) return { meeting: await replay(db, { ...replayed, seen }), created: false };
  const scheduled = { values, actor: params.actor, ignoreConflict: Boolean(event) };
  if (!params.outcome) {
    // One statement, atomic on its own: no transaction to open and commit around it.
    const inserted = await onLeadDeleted(() => insertScheduledMeeting(db, scheduled));
    if (inserted) return { meeting: { ...inserted, ...names }, created: true };
    // A concurrent identical insert made this one wait for it and then do nothing: no duplicate, no error.
    return { meeting: await db.transaction((tx) => replayLocked(tx, replayed)), created: false };
  }
  const { outcome } = params;
  return onLeadDeleted(() => db.transaction(async (tx) => {
    const inserted = await insertScheduledMeeting(tx, scheduled);
    if (!inserted) return { meeting: await replayLocked(tx, replayed), created: false };
    const { meeting } = await applyMeetingAction(tx, { clientId, meetingId: inserted.id, action: outcome, actor: params.actor });
    return { meeting, created: true };
  }));
}

/**
 * Inserts the meeting with its meeting_scheduled history entry and that entry's webhook deliveries, in one
 * statement; the entry's changes and the event's meeting are written by PostgreSQL from the inserted row.
 * With `ignoreConflict`, null when the external event already has its meeting.
 */
async function insertScheduledMeeting(
  db: Database,
  params: { values: MeetingValues; actor: Actor; ignoreConflict: boolean },
): Promise<MeetingRow | null> {
  const statement = scheduledMeetingInsert(db, { ignoreConflict: params.ignoreConflict, columns: Object.keys(params.values) });
  const [row] = await statement.execute({ ...params.values, ...actorColumns(params.actor) });
  return row ?? null;
}

// Every create runs it: prepared, the meeting's values (meetingValues always writes the same columns) and the
// actor as placeholders; drizzle building it anew was a tenth of a create's time.
const scheduledMeetingInsert = (db: Database, params: { ignoreConflict: boolean; columns: string[] }) => {
  const name = params.ignoreConflict ? "insert_scheduled_meeting_of_event" : "insert_scheduled_meeting";
  return preparedStatement(db, name, () => {
    const placeholders = Object.fromEntries(params.columns.map((column) => [column, sql.placeholder(column)])) as unknown as MeetingValues;
    const insert = db.insert(meetings).values(placeholders);
    // The CTE returns every column (the history entry reads its public_json); the statement answers with the row's.
    const inserted = db.$with("inserted", meetingRowColumns).as((params.ignoreConflict ? insert.onConflictDoNothing() : insert).returning().getSQL());
    return db.with(inserted, ...meetingScheduledCtes(db, "inserted")).select().from(inserted).prepare(name);
  });
};

type MeetingValues = ReturnType<typeof meetingValues>;

/**
 * The row a new meeting is inserted as: the body's fields, the lead's details where the body leaves the attendee
 * out. Always the same columns, each a value or null, never undefined: they fill the placeholders of the prepared
 * insert, where drizzle runs even a null through the column's encoder (so no nullable timestamp or jsonb here).
 */
function meetingValues(params: { clientId: string; input: NewMeeting; lead: Lead; hostUserId: string | null; meetingTypeId: string | null; source: MeetingSource }) {
  const { input, lead } = params;
  return {
    clientId: params.clientId,
    leadId: lead.id,
    title: input.title,
    description: input.description,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timezone: input.timezone,
    confirmedByLead: input.confirmedByLead,
    meetingUrl: input.meetingUrl,
    locationType: input.locationType,
    locationDetails: input.locationDetails,
    hostUserId: params.hostUserId,
    meetingTypeId: params.meetingTypeId,
    attendeeName: input.attendeeName ?? fullName(lead),
    attendeeEmail: input.attendeeEmail ?? lead.email ?? input.leadEmail,
    attendeePhone: input.attendeePhone ?? lead.phone,
    additionalAttendees: input.additionalAttendees,
    externalCalendarProvider: input.externalCalendarProvider,
    externalEventId: input.externalEventId,
    source: params.source,
  };
}

type Replayed = {
  clientId: string;
  leadId: string;
  values: ReplayedValues & Pick<MeetingRow, "externalCalendarProvider" | "externalEventId">;
  names: Pick<MeetingView, "hostName" | "meetingTypeName">;
  actor: Actor;
};

/** The replayed fields as they would land on `meeting`, and what that changes. */
function replayedOnto(meeting: MeetingView, params: Replayed) {
  const replayed: Partial<ReplayedValues> = Object.fromEntries(replayedColumns.map((column) => [column, params.values[column]]));
  if (meeting.status !== "scheduled") delete replayed.confirmedByLead;
  return { replayed, changes: meetingChanges(meeting, { ...meeting, ...replayed, ...params.names }) };
}

/**
 * A replay of an external event: the body's fields replace the stored ones, but an outcome is sticky
 * (a cancelled, completed or no-show meeting keeps its status and outcome fields; the body's confirmation
 * applies only while it is scheduled). Nothing changed → no write, no history; new times → a reschedule.
 * `seen` is the meeting as a plain read found it: most replays change nothing and need no transaction.
 */
async function replay(db: Database, params: Replayed & { seen: MeetingView }): Promise<MeetingView> {
  const { seen } = params;
  if (seen.leadId !== params.leadId) throw eventOfAnotherLead();
  if (!Object.keys(replayedOnto(seen, params).changes).length) return seen;
  return db.transaction((tx) => replayLocked(tx, params));
}

/** A replay decided on the locked row: a concurrent replay or lifecycle action may have moved it since it was read. */
async function replayLocked(tx: Database, params: Replayed): Promise<MeetingView> {
  const { clientId, values } = params;
  const before = await findMeetingOfExternalEvent(tx, { clientId, provider: values.externalCalendarProvider!, eventId: values.externalEventId!, lock: true });
  // Only a concurrent DELETE of the lead (which takes its meetings along) removes the row found or run into.
  if (!before) throw leadNotFound();
  if (before.leadId !== params.leadId) throw eventOfAnotherLead();
  const { replayed, changes } = replayedOnto(before, params);
  if (!Object.keys(changes).length) return before;

  const [row] = await tx
    .update(meetings)
    .set({ ...replayed, updatedAt: sql`now()` })
    .where(and(eq(meetings.clientId, clientId), eq(meetings.id, before.id)))
    .returning(meetingRowColumns);
  const after: MeetingView = { ...row, ...params.names };
  const type = changes.starts_at || changes.ends_at ? "meeting_rescheduled" : "meeting_updated";
  await recordHistory(tx, { meeting: after, type, actor: params.actor, changes });
  return after;
}

const eventOfAnotherLead = () => new AppError("external_event_conflict", "external_event_id already bound to a different lead");

/** The lead was read before the insert: one deleted since fails the meeting's foreign key to it. */
async function onLeadDeleted<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (violatedForeignKey(error) === "meetings_lead_fk") throw leadNotFound();
    throw error;
  }
}
