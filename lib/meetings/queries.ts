import { and, asc, desc, eq, getTableColumns, gte, lt, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { ascNullsFirst, descNullsLast } from "@/db/order";
import { preparedStatement } from "@/db/prepared";
import { executeRaw, type RawRow } from "@/db/raw-rows";
import { leads, meetings, meetingTypes, users } from "@/db/schema";
import { leadsWithEmail, type Lead } from "@/lib/leads/service";
import { meetingNotFound } from "@/lib/errors";
import { preciseInstant } from "@/lib/pagination";
import { isUuid, normalizedEmail } from "@/lib/validation";
import type { MeetingCursor } from "./cursor";
import type { ShownMeetingStatus } from "./status";
import { shownStatusCondition } from "./status";

export type MeetingRow = Omit<typeof meetings.$inferSelect, "publicJson">;
export type MeetingView = MeetingRow & { hostName: string | null; meetingTypeName: string | null };

/**
 * A meeting's columns as the application reads and returns them (a select, an insert's or update's RETURNING):
 * all but the stored public JSON, which only the API's lists send, and which TypeScript maps itself elsewhere.
 */
const { publicJson: _storedJson, ...meetingRowColumns } = getTableColumns(meetings);
export { meetingRowColumns };

const meetingViewColumns = {
  ...meetingRowColumns,
  hostName: users.name,
  meetingTypeName: meetingTypes.name,
};

// A meeting's host and type, each only from the meeting's own client.
const hostOfMeeting = and(eq(users.id, meetings.hostUserId), eq(users.clientId, meetings.clientId));
const typeOfMeeting = and(eq(meetingTypes.id, meetings.meetingTypeId), eq(meetingTypes.clientId, meetings.clientId));

function selectMeetingViews<Extra extends Record<string, SQL.Aliased | SQL>>(db: Database, extra: Extra = {} as Extra) {
  return db.select({ ...meetingViewColumns, ...extra }).from(meetings).leftJoin(users, hostOfMeeting).leftJoin(meetingTypes, typeOfMeeting);
}

/** Each meeting's public JSON, as the database keeps it (meetings.public_json, migration 0013), for executeRaw to read as bytes. */
function selectPublicMeetingJson<Extra extends Record<string, SQL.Aliased | SQL | AnyPgColumn>>(db: Database, extra: Extra = {} as Extra) {
  return db.select({ json: meetings.publicJson, ...extra }).from(meetings);
}

/**
 * `rows` (a CTE of meeting rows: an insert's RETURNING, say) as each row's id, client_id and lead_id, and its
 * public JSON as jsonb, named `meeting`.
 */
export function publicMeetingsOf(rows: SQL): SQL {
  return sql`select ${meetings.id}, ${meetings.clientId}, ${meetings.leadId}, ${meetings.publicJson}::jsonb as meeting from ${rows} as ${meetings}`;
}

/** One meeting of the client, or meeting_not_found: another client's id and a malformed one look the same. */
export async function getMeeting(db: Database, params: { clientId: string; meetingId: string }): Promise<MeetingView> {
  if (!isUuid(params.meetingId)) throw meetingNotFound();
  const [meeting] = await selectMeetingViews(db).where(and(eq(meetings.clientId, params.clientId), eq(meetings.id, params.meetingId)));
  if (!meeting) throw meetingNotFound();
  return meeting;
}

/**
 * getMeeting, with the meeting's row locked FOR UPDATE until the transaction ends (the joined host and
 * type rows are not locked), and the transaction's clock to decide on.
 */
export async function lockMeeting(db: Database, params: { clientId: string; meetingId: string }): Promise<MeetingView & { now: Date }> {
  if (!isUuid(params.meetingId)) throw meetingNotFound();
  const [meeting] = await selectMeetingViews(db, { now: sql<Date>`now()`.mapWith(meetings.createdAt) })
    .where(and(eq(meetings.clientId, params.clientId), eq(meetings.id, params.meetingId)))
    .for("update", { of: meetings });
  if (!meeting) throw meetingNotFound();
  return meeting;
}

/**
 * The client's meeting of an external calendar event, or null; `lock` takes its row FOR UPDATE until the
 * transaction ends.
 */
export async function findMeetingOfExternalEvent(
  db: Database,
  params: { clientId: string; provider: string; eventId: string; lock: boolean },
): Promise<MeetingView | null> {
  const event = { clientId: params.clientId, provider: params.provider, eventId: params.eventId };
  const [meeting] = params.lock
    ? await meetingOfExternalEvent(db, event).for("update", { of: meetings })
    : await preparedStatement(db, "meeting_of_external_event", () =>
        meetingOfExternalEvent(db, { clientId: sql.placeholder("clientId"), provider: sql.placeholder("provider"), eventId: sql.placeholder("eventId") })
          .prepare("meeting_of_external_event"),
      ).execute(event);
  return meeting ?? null;
}

// Every POST /meetings with external ids reads it (a replay, mostly, from a plain read), so that read is
// prepared: the event as values, or as the prepared statement's placeholders.
const meetingOfExternalEvent = (db: Database, event: ExternalEvent) => selectMeetingViews(db).where(ofExternalEvent(event));

type ExternalEvent = Record<"clientId" | "provider" | "eventId", string | Placeholder>;
const ofExternalEvent = (event: ExternalEvent) =>
  and(eq(meetings.clientId, event.clientId), eq(meetings.externalCalendarProvider, event.provider), eq(meetings.externalEventId, event.eventId));

/**
 * The client's newest lead with this email (leadsWithEmail's rule) and the client's meeting of the external event,
 * in one prepared statement: every POST /meetings that names its lead by email asks both. Null when no lead has
 * the email; `meeting` null when the event has none yet, or there is no event.
 */
export async function findLeadByEmailWithEventMeeting(
  db: Database,
  params: { clientId: string; email: string; event: { provider: string; eventId: string } | null },
): Promise<{ lead: Lead; meeting: MeetingView | null } | null> {
  const [row] = await leadByEmailWithEventMeeting(db).execute({
    clientId: params.clientId,
    email: normalizedEmail(params.email),
    // Null ids equal nothing, so without an event the join finds no meeting.
    provider: params.event?.provider ?? null,
    eventId: params.event?.eventId ?? null,
  });
  if (!row) return null;
  // Left-joined, every column may be null; a meeting found has its own columns as the table declares them.
  return { lead: row.lead, meeting: row.meeting?.id ? (row.meeting as MeetingView) : null };
}

const leadByEmailWithEventMeeting = (db: Database) =>
  preparedStatement(db, "lead_by_email_with_event_meeting", () => {
    const placeholders = { clientId: sql.placeholder("clientId"), provider: sql.placeholder("provider"), eventId: sql.placeholder("eventId") };
    const match = leadsWithEmail({ clientId: placeholders.clientId, email: sql.placeholder("email") });
    return db
      .select({ lead: getTableColumns(leads), meeting: meetingViewColumns })
      .from(leads)
      .leftJoin(meetings, ofExternalEvent(placeholders))
      .leftJoin(users, hostOfMeeting)
      .leftJoin(meetingTypes, typeOfMeeting)
      .where(match.where)
      .orderBy(...match.orderBy)
      .limit(1)
      .prepare("lead_by_email_with_event_meeting");
  });

/** `where` adds a condition of the caller's own (a timeline tab); the tenant scope is always added here. */
type MeetingFilter = { statuses?: ShownMeetingStatus[]; from?: Date; to?: Date; where?: SQL };

/** Whether the filter narrows the list at all: an unfiltered list is read by a prepared statement. */
const isFiltered = (filter: MeetingFilter) => Boolean(filter.statuses?.length || filter.from || filter.to || filter.where);

function filterConditions(filter: MeetingFilter): (SQL | undefined)[] {
  return [
    filter.statuses?.length ? or(...filter.statuses.map((status) => shownStatusCondition(meetings, status))) : undefined,
    filter.from ? gte(meetings.startsAt, filter.from) : undefined,
    filter.to ? lt(meetings.startsAt, filter.to) : undefined,
    filter.where,
  ];
}

/**
 * The two orders a lead's meetings are listed in. Each is the other reversed, ties included, so the one
 * index (client, lead, starts_at desc, created_at desc, id) serves both, read forwards or backwards.
 */
export type MeetingOrder = "newest_first" | "oldest_first";

const listingOrders: Record<MeetingOrder, SQL[]> = {
  newest_first: [descNullsLast(meetings.startsAt), descNullsLast(meetings.createdAt), asc(meetings.id)],
  oldest_first: [ascNullsFirst(meetings.startsAt), ascNullsFirst(meetings.createdAt), desc(meetings.id)],
};

/**
 * The meetings of a lead the caller has already checked, most recent first, each as the public API writes it
 * (the JSON the database keeps, meetings.public_json, as its UTF-8 bytes, to send on as they are); `statuses` filters
 * on the shown status, `from` (inclusive) and `to` (exclusive) on starts_at. An unknown or other client's lead id simply has none.
 */
export async function listPublicMeetingsOfLead(
  db: Database,
  params: { clientId: string; leadId: string } & MeetingFilter,
): Promise<Buffer[]> {
  // A filtered query's shape varies, so it is built per call; .prepare() only makes it a query executeRaw can run
  // (neither driver uses the name: postgres.js prepares by the SQL text).
  const statement = isFiltered(params)
    ? selectPublicMeetingJson(db)
        .where(and(eq(meetings.clientId, params.clientId), eq(meetings.leadId, params.leadId), ...filterConditions(params)))
        .orderBy(...listingOrders.newest_first)
        .prepare("filtered_public_meetings_of_lead")
    : allPublicMeetingsOfLead(db);
  const rows = await executeRaw(statement, { clientId: params.clientId, leadId: params.leadId });
  return rows.map((row) => row.json);
}

// The public API's commonest read, prepared.
const allPublicMeetingsOfLead = (db: Database) =>
  preparedStatement(db, "all_public_meetings_of_lead", () =>
    selectPublicMeetingJson(db)
      .where(and(eq(meetings.clientId, sql.placeholder("clientId")), eq(meetings.leadId, sql.placeholder("leadId"))))
      .orderBy(...listingOrders.newest_first)
      .prepare("all_public_meetings_of_lead"),
  );

/** Rows after the cursor in the given order: its instants and id as values, or as placeholders of a prepared statement. */
function afterCursor(cursor: Record<"startsAt" | "createdAt" | "id", unknown>, order: MeetingOrder): SQL {
  const startsAt = sql`${cursor.startsAt}::timestamptz`;
  const createdAt = sql`${cursor.createdAt}::timestamptz`;
  const id = sql`${cursor.id}::uuid`;
  if (order === "newest_first") {
    return sql`(${meetings.startsAt} <= ${startsAt} and (${meetings.startsAt} < ${startsAt} or ${meetings.createdAt} < ${createdAt}
      or (${meetings.createdAt} = ${createdAt} and ${meetings.id} > ${id})))`;
  }
  return sql`(${meetings.startsAt} >= ${startsAt} and (${meetings.startsAt} > ${startsAt} or ${meetings.createdAt} > ${createdAt}
    or (${meetings.createdAt} = ${createdAt} and ${meetings.id} < ${id})))`;
}

/** One keyset page of a lead's meetings (newest first unless told) and the cursor of the next one (null on the last page). */
export async function listMeetingPageOfLead(db: Database, params: PageParams): Promise<{ meetings: MeetingView[]; nextCursor: MeetingCursor | null }> {
  const order = params.order ?? "newest_first";
  const rows = await selectMeetingViews(db, cursorColumns)
    .where(pageCondition(params, order))
    .orderBy(...listingOrders[order])
    .limit(params.limit + 1);
  const { page, nextCursor } = splitPage(rows, params, (row) => row);
  return { meetings: page.map(({ cursorStartsAt: _s, cursorCreatedAt: _c, ...meeting }) => meeting), nextCursor };
}

/** listMeetingPageOfLead, each meeting as the public API writes it (listPublicMeetingsOfLead's bytes of meetings.public_json). */
export async function listPublicMeetingPageOfLead(db: Database, params: PageParams): Promise<{ meetings: Buffer[]; nextCursor: MeetingCursor | null }> {
  const order = params.order ?? "newest_first";
  const statement = isFiltered(params) || order !== "newest_first"
    ? selectPublicMeetingJson(db, publicPageColumns)
        .where(pageCondition(params, order))
        .orderBy(...listingOrders[order])
        .limit(params.limit + 1)
        .prepare("filtered_public_meeting_page") // built per call, as in listPublicMeetingsOfLead
    : publicPageOfLead(db, params.after ? "after" : "first");
  const rows = await executeRaw(statement, {
    clientId: params.clientId, leadId: params.leadId, limit: params.limit + 1,
    ...(params.after && { startsAt: params.after.startsAt, createdAt: params.after.createdAt, id: params.after.id }),
  });
  const { page, nextCursor } = splitPage(rows, params, decodedPosition);
  return { meetings: page.map((row) => row.json), nextCursor };
}

// Only the last row's position is read, so only it is decoded.
const decodedPosition = (row: RawRow<PagePosition>): PagePosition =>
  ({ id: row.id.toString(), cursorStartsAt: row.cursorStartsAt.toString(), cursorCreatedAt: row.cursorCreatedAt.toString() });

// The API's pages of a lead's meetings as integrations walk them (no filter, newest first), prepared: the first, and the ones after a cursor.
const publicPageOfLead = (db: Database, which: "first" | "after") =>
  preparedStatement(db, `public_meeting_page_${which}`, () => {
    const lead = and(eq(meetings.clientId, sql.placeholder("clientId")), eq(meetings.leadId, sql.placeholder("leadId")));
    const after = { startsAt: sql.placeholder("startsAt"), createdAt: sql.placeholder("createdAt"), id: sql.placeholder("id") };
    return selectPublicMeetingJson(db, publicPageColumns)
      .where(which === "first" ? lead : and(lead, afterCursor(after, "newest_first")))
      .orderBy(...listingOrders.newest_first)
      .limit(sql.placeholder("limit"))
      .prepare(`public_meeting_page_${which}`);
  });

type PageParams = { clientId: string; leadId: string; limit: number; after: MeetingCursor | null; order?: MeetingOrder } & MeetingFilter;

// Where the next page starts, to the microsecond (a JavaScript Date would round ties away).
const cursorColumns = { cursorStartsAt: preciseInstant(meetings.startsAt), cursorCreatedAt: preciseInstant(meetings.createdAt) };
const publicPageColumns = { id: meetings.id, ...cursorColumns };

function pageCondition(params: PageParams, order: MeetingOrder): SQL | undefined {
  return and(
    eq(meetings.clientId, params.clientId), eq(meetings.leadId, params.leadId), ...filterConditions(params),
    params.after ? afterCursor(params.after, order) : undefined,
  );
}

type PagePosition = { id: string; cursorStartsAt: string; cursorCreatedAt: string };

/** The first `limit` rows of `limit + 1`, and the cursor after them when there were more. */
function splitPage<Row>(rows: Row[], params: PageParams, positionOf: (row: Row) => PagePosition) {
  const last = rows.length > params.limit ? positionOf(rows[params.limit - 1]) : null;
  return {
    page: rows.slice(0, params.limit),
    nextCursor: last && { leadId: params.leadId, startsAt: last.cursorStartsAt, createdAt: last.cursorCreatedAt, id: last.id },
  };
}
