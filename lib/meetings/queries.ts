import { and, asc, desc, eq, getTableColumns, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings, meetingTypes, users } from "@/db/schema";
import { meetingNotFound } from "@/lib/errors";
import { getLead, type Lead } from "@/lib/leads/service";
import { isUuid } from "@/lib/validation";
import type { ShownMeetingStatus } from "./status";
import { shownStatusCondition } from "./status-sql";

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

/** One meeting of the client, or meeting_not_found: another client's id and a malformed one look the same. */
export async function getMeeting(db: Database, params: { clientId: string; meetingId: string }): Promise<MeetingView> {
  if (!isUuid(params.meetingId)) throw meetingNotFound();
  const [meeting] = await selectMeetingViews(db).where(and(eq(meetings.clientId, params.clientId), eq(meetings.id, params.meetingId)));
  if (!meeting) throw meetingNotFound();
  return meeting;
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
