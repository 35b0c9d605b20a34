import { and, asc, desc, eq, getTableColumns, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings, meetingTypes, users, type MeetingSource } from "@/db/schema";
import { AppError, validationFailed, type FieldIssue } from "@/lib/errors";
import { findLeadByEmail, fullName, getLead, type Lead } from "@/lib/leads/service";
import type { NewMeeting } from "./schema";
import type { ShownMeetingStatus } from "./status";

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingView = MeetingRow & { hostName: string | null; meetingTypeName: string | null };

const meetingViewColumns = {
  ...getTableColumns(meetings),
  hostName: users.name,
  meetingTypeName: meetingTypes.name,
};

function selectMeetingViews(db: Database) {
  return db
    .select(meetingViewColumns)
    .from(meetings)
    .leftJoin(users, and(eq(users.id, meetings.hostUserId), eq(users.clientId, meetings.clientId)))
    .leftJoin(meetingTypes, and(eq(meetingTypes.id, meetings.meetingTypeId), eq(meetingTypes.clientId, meetings.clientId)));
}

function shownStatusCondition(status: ShownMeetingStatus): SQL {
  switch (status) {
    case "scheduled":
      return and(eq(meetings.status, "scheduled"), eq(meetings.confirmedByLead, false))!;
    case "confirmed":
      return and(eq(meetings.status, "scheduled"), eq(meetings.confirmedByLead, true))!;
    default:
      return eq(meetings.status, status);
  }
}

/**
 * The meetings of a lead the caller has already checked, most recent first; `statuses` filters on the
 * shown status. An unknown or other client's lead id simply has none.
 */
export async function listMeetingsOfLead(
  db: Database,
  params: { clientId: string; leadId: string; statuses?: ShownMeetingStatus[] },
): Promise<MeetingView[]> {
  const statusFilter = params.statuses?.length ? or(...params.statuses.map(shownStatusCondition)) : undefined;
  return selectMeetingViews(db)
    .where(and(eq(meetings.clientId, params.clientId), eq(meetings.leadId, params.leadId), statusFilter))
    .orderBy(desc(meetings.startsAt), desc(meetings.createdAt), asc(meetings.id));
}

/** A lead's meetings, or lead_not_found when the lead is missing or another client's. */
export async function listLeadMeetings(
  db: Database,
  params: { clientId: string; leadId: string; statuses?: ShownMeetingStatus[] },
): Promise<{ lead: Lead; meetings: MeetingView[] }> {
  const lead = await getLead(db, params);
  return { lead, meetings: await listMeetingsOfLead(db, { ...params, leadId: lead.id }) };
}

async function resolveLead(db: Database, clientId: string, input: NewMeeting): Promise<Lead> {
  if (input.leadId) return getLead(db, { clientId, leadId: input.leadId });
  const lead = await findLeadByEmail(db, { clientId, email: input.leadEmail! });
  if (!lead) throw new AppError("lead_not_found", "Lead not found for the provided email");
  return lead;
}

/** Host and meeting type must belong to the caller's client; both problems are reported together. */
async function resolveReferences(db: Database, clientId: string, input: NewMeeting) {
  const issues: FieldIssue[] = [];
  let host: { id: string; name: string } | null = null;
  let meetingType: { id: string; name: string } | null = null;
  if (input.hostEmail) {
    [host = null] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.clientId, clientId), eq(users.active, true), eq(sql`lower(${users.email})`, input.hostEmail.toLowerCase())));
    if (!host) issues.push({ field: "host_email", message: "must be the email of an active user of your account" });
  }
  if (input.meetingTypeId) {
    [meetingType = null] = await db
      .select({ id: meetingTypes.id, name: meetingTypes.name })
      .from(meetingTypes)
      .where(and(eq(meetingTypes.clientId, clientId), eq(meetingTypes.id, input.meetingTypeId)));
    if (!meetingType) issues.push({ field: "meeting_type_id", message: "must be a meeting type of your account" });
  }
  if (issues.length) throw validationFailed(issues);
  return { host, meetingType };
}

// Columns a replay overwrites: everything the body decides; identity, tenant, lead and outcome fields stay.
const replayedColumns = [
  "title", "description", "startsAt", "endsAt", "timezone", "status", "confirmedByLead", "meetingUrl",
  "locationType", "locationDetails", "hostUserId", "meetingTypeId", "attendeeName", "attendeeEmail",
  "attendeePhone", "additionalAttendees", "source",
] as const satisfies readonly (keyof MeetingRow)[];

const meetingColumns = getTableColumns(meetings);
const replaySet = Object.fromEntries(
  replayedColumns.map((key) => [key, sql.raw(`excluded."${meetingColumns[key].name}"`)]),
);

/**
 * Logs a meeting booked elsewhere. With both external ids it is idempotent: a replay for the same lead
 * updates the meeting in place (one statement, so concurrent retries cannot duplicate it).
 */
export async function logMeeting(
  db: Database,
  params: { clientId: string; input: NewMeeting; source: MeetingSource },
): Promise<{ meeting: MeetingView; created: boolean }> {
  const { clientId, input } = params;
  const lead = await resolveLead(db, clientId, input);
  const { host, meetingType } = await resolveReferences(db, clientId, input);

  const values = {
    clientId,
    leadId: lead.id,
    title: input.title,
    description: input.description,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timezone: input.timezone,
    status: "scheduled" as const,
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
  const names = { hostName: host?.name ?? null, meetingTypeName: meetingType?.name ?? null };

  if (!input.externalCalendarProvider || !input.externalEventId) {
    const [row] = await db.insert(meetings).values(values).returning();
    return { meeting: { ...row, ...names }, created: true };
  }

  const [row] = await db
    .insert(meetings)
    .values(values)
    .onConflictDoUpdate({
      target: [meetings.clientId, meetings.externalCalendarProvider, meetings.externalEventId],
      set: { ...replaySet, updatedAt: sql`now()` },
      setWhere: sql`${meetings.leadId} = excluded.lead_id`,
    })
    .returning({ ...meetingColumns, inserted: sql<boolean>`(xmax = 0)` });
  if (!row) {
    throw new AppError("external_event_conflict", "external_event_id already bound to a different lead");
  }
  const { inserted, ...meeting } = row;
  return { meeting: { ...meeting, ...names }, created: inserted };
}
