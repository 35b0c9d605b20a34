import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings, type MeetingSource } from "@/db/schema";
import { AppError, leadNotFound } from "@/lib/errors";
import { fullName } from "@/lib/leads/service";
import { meetingChanges, recordHistory, type Actor } from "./history";
import { applyMeetingAction, type RecordedOutcome } from "./lifecycle";
import { findMeetingOfExternalEvent, type MeetingRow, type MeetingView } from "./queries";
import { resolveLead, resolveReferences } from "./references";
import type { NewMeeting } from "./schema";

// Columns a replay overwrites: everything the body decides; identity, tenant, lead and outcome fields stay.
const replayedColumns = [
  "title", "description", "startsAt", "endsAt", "timezone", "confirmedByLead", "meetingUrl", "locationType",
  "locationDetails", "hostUserId", "meetingTypeId", "attendeeName", "attendeeEmail", "attendeePhone",
  "additionalAttendees", "source",
] as const satisfies readonly (keyof MeetingRow)[];
type ReplayedValues = Pick<MeetingRow, (typeof replayedColumns)[number]>;

/**
 * Logs a meeting booked elsewhere (or by hand), with its `meeting_scheduled` history entry, in one
 * transaction. With both external ids it is idempotent: a replay for the same lead updates the meeting
 * in place (see `replay`). `outcome` records a meeting that already happened, through the same transitions.
 */
export async function logMeeting(
  db: Database,
  params: { clientId: string; input: NewMeeting; source: MeetingSource; actor: Actor; outcome?: RecordedOutcome },
): Promise<{ meeting: MeetingView; created: boolean }> {
  const { clientId, input } = params;
  return db.transaction(async (tx) => {
    const lead = await resolveLead(tx, clientId, input);
    const { host, meetingType } = await resolveReferences(tx, clientId, input);
    const names = { hostName: host?.name ?? null, meetingTypeName: meetingType?.name ?? null };
    const values = {
      clientId,
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
      hostUserId: host?.id ?? null,
      meetingTypeId: meetingType?.id ?? null,
      attendeeName: input.attendeeName ?? fullName(lead),
      attendeeEmail: input.attendeeEmail ?? lead.email ?? input.leadEmail,
      attendeePhone: input.attendeePhone ?? lead.phone,
      additionalAttendees: input.additionalAttendees,
      externalCalendarProvider: input.externalCalendarProvider,
      externalEventId: input.externalEventId,
      source: params.source,
    };
    const deduplicated = Boolean(input.externalCalendarProvider && input.externalEventId);

    // A concurrent identical insert makes this one wait for it and then do nothing: no duplicate, no error.
    const [inserted] = deduplicated
      ? await tx.insert(meetings).values(values).onConflictDoNothing().returning()
      : await tx.insert(meetings).values(values).returning();
    if (!inserted) return { meeting: await replay(tx, { clientId, leadId: lead.id, values, names, actor: params.actor }), created: false };

    let meeting: MeetingView = { ...inserted, ...names };
    await recordHistory(tx, { meeting, type: "meeting_scheduled", actor: params.actor, changes: meetingChanges(null, meeting) });
    if (params.outcome) {
      ({ meeting } = await applyMeetingAction(tx, { clientId, meetingId: meeting.id, action: params.outcome, actor: params.actor }));
    }
    return { meeting, created: true };
  });
}

/**
 * A replay of an external event: the body's fields replace the stored ones, but an outcome is sticky
 * (a cancelled, completed or no-show meeting keeps its status and outcome fields; the body's confirmation
 * applies only while it is scheduled). Nothing changed → no write, no history; new times → a reschedule.
 */
async function replay(
  tx: Database,
  params: { clientId: string; leadId: string; values: ReplayedValues & Pick<MeetingRow, "externalCalendarProvider" | "externalEventId">; names: Pick<MeetingView, "hostName" | "meetingTypeName">; actor: Actor },
): Promise<MeetingView> {
  const { clientId, values } = params;
  const event = { clientId, provider: values.externalCalendarProvider!, eventId: values.externalEventId! };
  const replayedOnto = (meeting: MeetingView) => {
    const replayed: Partial<ReplayedValues> = Object.fromEntries(replayedColumns.map((column) => [column, values[column]]));
    if (meeting.status !== "scheduled") delete replayed.confirmedByLead;
    return { replayed, changes: meetingChanges(meeting, { ...meeting, ...replayed, ...params.names }) };
  };

  // Most replays change nothing: they are answered from a plain read, without waiting on the row's lock.
  const seen = await findMeetingOfExternalEvent(tx, { ...event, lock: false });
  // Only a concurrent DELETE of the lead (which takes its meetings along) removes the row the insert ran into.
  if (!seen) throw leadNotFound();
  if (seen.leadId !== params.leadId) {
    throw new AppError("external_event_conflict", "external_event_id already bound to a different lead");
  }
  if (!Object.keys(replayedOnto(seen).changes).length) return seen;

  // A change is decided on the locked row: a concurrent replay or lifecycle action may have moved it meanwhile.
  const before = await findMeetingOfExternalEvent(tx, { ...event, lock: true });
  if (!before) throw leadNotFound();
  const { replayed, changes } = replayedOnto(before);
  if (!Object.keys(changes).length) return before;

  const [row] = await tx
    .update(meetings)
    .set({ ...replayed, updatedAt: sql`now()` })
    .where(and(eq(meetings.clientId, clientId), eq(meetings.id, before.id)))
    .returning();
  const after: MeetingView = { ...row, ...params.names };
  const type = changes.starts_at || changes.ends_at ? "meeting_rescheduled" : "meeting_updated";
  await recordHistory(tx, { meeting: after, type, actor: params.actor, changes });
  return after;
}
