import { and, asc, count, eq, exists, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { leads, meetings } from "@/db/schema";
import { awaitingOutcomeCondition } from "@/lib/meetings/awaiting-outcome";
import { noShowCondition, upcomingCondition } from "@/lib/meetings/timeline";
import { preciseInstant } from "@/lib/pagination";
import { decodePosition, encodePosition, keysetCondition, nameKey, sortOrder, type LeadPageCursor, type LeadPosition, type LeadSort } from "./list-order";
import { fullName } from "./service";

const LEADS_PAGE_SIZE = 25;
/** The longest search, in characters, on the dashboard and in GET /leads?q. */
export const MAX_LEAD_SEARCH = 200;

/**
 * The dashboard's search as typed, made storable: a NUL or an unpaired surrogate (only a hand-edited URL
 * carries one) is dropped rather than failing the query, and it is cut to MAX_LEAD_SEARCH characters.
 */
export const parseLeadSearch = (value: string) => value.replaceAll("\u0000", "").slice(0, MAX_LEAD_SEARCH).toWellFormed().trim();

const leadFilters = ["awaiting-outcome"] as const;
export type LeadFilter = (typeof leadFilters)[number];
export const parseLeadFilter = (value: unknown): LeadFilter | null => (leadFilters.includes(value as LeadFilter) ? (value as LeadFilter) : null);

export type NextMeeting = { id: string; title: string; startsAt: Date; endsAt: Date };
export type LeadListItem = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  counts: { upcoming: number; past: number; noShow: number; awaitingOutcome: number };
  nextMeeting: NextMeeting | null;
};

export type LeadPage = { items: LeadListItem[]; previous: LeadPageCursor | null; next: LeadPageCursor | null };

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Substring match on the full name or the email; both sides lowercased so the trigram indexes apply. */
export function searchCondition(query: string): SQL | undefined {
  const needle = query.trim().toLowerCase();
  if (!needle) return undefined;
  const pattern = `%${escapeLike(needle)}%`;
  return or(sql`${nameKey()} like ${pattern}`, sql`lower(${leads.email}) like ${pattern}`);
}

/** Leads with a meeting awaiting its outcome: the rep's to-do list. */
const awaitingOutcomeFilter = (clientId: string, now: Date) =>
  exists(
    sql`(select 1 from ${meetings} where ${and(eq(meetings.clientId, clientId), sql`${meetings.leadId} = ${leads.id}`, awaitingOutcomeCondition(meetings, now))})`,
  );

/**
 * One page of the client's leads in the chosen order, optionally searched (`query`) and filtered. Keyset
 * pages: name walks `leads_client_name_idx`, recently updated `leads_client_updated_idx`; next meeting
 * ranks the client's upcoming meetings (`meetings_client_scheduled_idx`), leads without one last.
 */
export async function listLeadPage(
  db: Database,
  params: {
    clientId: string; query?: string; sort?: LeadSort; filter?: LeadFilter | null; cursor?: LeadPageCursor | null; now: Date; pageSize?: number;
  },
): Promise<LeadPage> {
  const { clientId, now } = params;
  const sort = params.sort ?? "name";
  const pageSize = params.pageSize ?? LEADS_PAGE_SIZE;
  const position = params.cursor ? decodePosition(params.cursor.token, sort) : null;
  const direction = position ? params.cursor!.direction : "after";
  const backwards = direction === "before";

  const rows = await leadRows(db, { clientId, query: params.query ?? "", filter: params.filter ?? null, sort, position, direction, now, limit: pageSize + 1 });
  const hasMore = rows.length > pageSize;
  const pageRows = rows.slice(0, pageSize);
  if (backwards) pageRows.reverse();

  const summaries = await meetingSummaries(db, { clientId, leadIds: pageRows.map((r) => r.id), now });
  const items = pageRows.map((row) => ({
    id: row.id,
    name: fullName(row),
    email: row.email,
    phone: row.phone,
    company: row.company,
    ...(summaries.get(row.id) ?? { counts: { upcoming: 0, past: 0, noShow: 0, awaitingOutcome: 0 }, nextMeeting: null }),
  }));

  const cursorAt = (row: LeadRow | undefined, dir: LeadPageCursor["direction"]): LeadPageCursor | null =>
    row ? { direction: dir, token: encodePosition(positionOf(sort, row)) } : null;
  const hasPrevious = backwards ? hasMore : position !== null;
  const hasNext = backwards ? true : hasMore;
  return {
    items,
    previous: hasPrevious ? cursorAt(pageRows[0], "before") : null,
    next: hasNext ? cursorAt(pageRows.at(-1), "after") : null,
  };
}

type LeadRow = Awaited<ReturnType<typeof leadRows>>[number];

/** Up to `limit` of the client's leads from `position` on, in the sort's order (walked backwards for "before"). */
function leadRows(
  db: Database,
  params: {
    clientId: string; query: string; filter: LeadFilter | null; sort: LeadSort; position: LeadPosition | null;
    direction: LeadPageCursor["direction"]; now: Date; limit: number;
  },
) {
  const { clientId, now, position, direction } = params;
  const nextMeetings = db.$with("next_meetings").as(
    db
      .select({ leadId: sql<string>`${meetings.leadId}`.as("next_lead_id"), nextAt: sql<Date>`min(${meetings.startsAt})`.as("next_at") })
      .from(meetings)
      .where(and(eq(meetings.clientId, clientId), upcomingCondition(meetings, now)))
      .groupBy(meetings.leadId),
  );
  const byNextMeeting = params.sort === "next-meeting";
  const key = { name: nameKey(), updatedAt: sql`${leads.updatedAt}`, nextAt: byNextMeeting ? sql`${nextMeetings.nextAt}` : sql`null` };

  const base = byNextMeeting ? db.with(nextMeetings) : db;
  const select = base
    .select({
      id: leads.id, firstName: leads.firstName, lastName: leads.lastName, email: leads.email, phone: leads.phone,
      company: sql<string | null>`${leads.metadata}->>'company'`,
      sortName: sql<string>`${key.name}`,
      updatedAtText: preciseInstant(leads.updatedAt),
      nextAtText: byNextMeeting ? preciseInstant(sql`${nextMeetings.nextAt}`) : sql<string | null>`null`,
    })
    .from(leads);
  const joined = byNextMeeting ? select.leftJoin(nextMeetings, eq(nextMeetings.leadId, leads.id)) : select;
  return joined
    .where(
      and(
        eq(leads.clientId, clientId),
        searchCondition(params.query),
        params.filter === "awaiting-outcome" ? awaitingOutcomeFilter(clientId, now) : undefined,
        position ? keysetCondition(position, direction, key) : undefined,
      ),
    )
    .orderBy(...sortOrder(params.sort, key, direction === "before"))
    .limit(params.limit);
}

function positionOf(sort: LeadSort, row: { id: string; sortName: string; updatedAtText: string; nextAtText: string | null }): LeadPosition {
  switch (sort) {
    case "name":
      return { sort, name: row.sortName, id: row.id };
    case "updated":
      return { sort, updatedAt: row.updatedAtText, id: row.id };
    case "next-meeting":
      return { sort, nextAt: row.nextAtText, name: row.sortName, id: row.id };
  }
}

/** Per lead: meeting counts by timeline tab, how many await an outcome, and the soonest upcoming meeting. */
async function meetingSummaries(db: Database, params: { clientId: string; leadIds: string[]; now: Date }) {
  const summaries = new Map<string, Pick<LeadListItem, "counts" | "nextMeeting">>();
  if (!params.leadIds.length) return summaries;
  const scope = and(eq(meetings.clientId, params.clientId), inArray(meetings.leadId, params.leadIds));

  const [countRows, nextRows] = await Promise.all([
    db
      .select({
        leadId: meetings.leadId,
        total: count(),
        upcoming: sql<number>`count(*) filter (where ${upcomingCondition(meetings, params.now)})`.mapWith(Number),
        noShow: sql<number>`count(*) filter (where ${noShowCondition(meetings)})`.mapWith(Number),
        awaitingOutcome: sql<number>`count(*) filter (where ${awaitingOutcomeCondition(meetings, params.now)})`.mapWith(Number),
      })
      .from(meetings)
      .where(scope)
      .groupBy(meetings.leadId),
    db
      .selectDistinctOn([meetings.leadId], {
        leadId: meetings.leadId, id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, endsAt: meetings.endsAt,
      })
      .from(meetings)
      .where(and(scope, upcomingCondition(meetings, params.now)))
      .orderBy(meetings.leadId, asc(meetings.startsAt), asc(meetings.createdAt), asc(meetings.id)),
  ]);

  for (const row of countRows) {
    summaries.set(row.leadId, {
      counts: { upcoming: row.upcoming, past: row.total - row.upcoming - row.noShow, noShow: row.noShow, awaitingOutcome: row.awaitingOutcome },
      nextMeeting: null,
    });
  }
  for (const { leadId, ...meeting } of nextRows) {
    const summary = summaries.get(leadId);
    if (summary) summary.nextMeeting = meeting;
  }
  return summaries;
}
