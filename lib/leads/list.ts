import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { leads, leadSortName, meetings } from "@/db/schema";
import { noShowCondition, upcomingCondition } from "@/lib/meetings/timeline-sql";
import { isUuid } from "@/lib/validation";
import { fullName } from "./service";

export const LEADS_PAGE_SIZE = 25;

export type LeadPageCursor = { direction: "after" | "before"; leadId: string };

export type NextMeeting = { id: string; title: string; startsAt: Date; endsAt: Date };
export type LeadListItem = {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  counts: { upcoming: number; past: number; noShow: number };
  nextMeeting: NextMeeting | null;
};

export type LeadPage = { items: LeadListItem[]; previous: LeadPageCursor | null; next: LeadPageCursor | null };

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Substring match on the full name or the email; both sides lowercased so the trigram indexes apply. */
export function searchCondition(query: string): SQL | undefined {
  const needle = query.trim().toLowerCase();
  if (!needle) return undefined;
  const pattern = `%${escapeLike(needle)}%`;
  return or(sql`${leadSortName(leads)} like ${pattern}`, sql`lower(${leads.email}) like ${pattern}`);
}

/**
 * One page of the client's leads, alphabetical, optionally filtered by `query`. Keyset pagination on
 * (lowercased name, id) walks `leads_client_name_idx`, so page 4,000 costs what page 1 does.
 */
export async function listLeadPage(
  db: Database,
  params: { clientId: string; query?: string; cursor?: LeadPageCursor | null; now: Date; pageSize?: number },
): Promise<LeadPage> {
  const pageSize = params.pageSize ?? LEADS_PAGE_SIZE;
  const sortName = leadSortName(leads);
  const tenant = eq(leads.clientId, params.clientId);
  const search = searchCondition(params.query ?? "");

  let cursor: LeadPageCursor | null = null;
  let keyset: SQL | undefined;
  if (params.cursor && isUuid(params.cursor.leadId)) {
    const [anchor] = await db
      .select({ sortName: sql<string>`${sortName}`, id: leads.id })
      .from(leads)
      .where(and(tenant, eq(leads.id, params.cursor.leadId)));
    if (anchor) {
      cursor = params.cursor;
      keyset =
        cursor.direction === "after"
          ? sql`(${sortName}, ${leads.id}) > (${anchor.sortName}, ${anchor.id}::uuid)`
          : sql`(${sortName}, ${leads.id}) < (${anchor.sortName}, ${anchor.id}::uuid)`;
    }
  }

  const backwards = cursor?.direction === "before";
  const rows = await db
    .select({ id: leads.id, firstName: leads.firstName, lastName: leads.lastName, email: leads.email, phone: leads.phone })
    .from(leads)
    .where(and(tenant, search, keyset))
    .orderBy(...(backwards ? [desc(sortName), desc(leads.id)] : [asc(sortName), asc(leads.id)]))
    .limit(pageSize + 1);

  const hasMore = rows.length > pageSize;
  const pageRows = rows.slice(0, pageSize);
  if (backwards) pageRows.reverse();

  const summaries = await meetingSummaries(db, { clientId: params.clientId, leadIds: pageRows.map((r) => r.id), now: params.now });
  const items = pageRows.map((row) => ({
    id: row.id,
    name: fullName(row),
    email: row.email,
    phone: row.phone,
    ...(summaries.get(row.id) ?? { counts: { upcoming: 0, past: 0, noShow: 0 }, nextMeeting: null }),
  }));

  const first = items[0];
  const last = items.at(-1);
  const hasPrevious = backwards ? hasMore : cursor !== null;
  const hasNext = backwards ? true : hasMore;
  return {
    items,
    previous: hasPrevious && first ? { direction: "before", leadId: first.id } : null,
    next: hasNext && last ? { direction: "after", leadId: last.id } : null,
  };
}

/** Per lead: meeting counts by timeline tab and the soonest upcoming meeting. */
async function meetingSummaries(db: Database, params: { clientId: string; leadIds: string[]; now: Date }) {
  const summaries = new Map<string, Pick<LeadListItem, "counts" | "nextMeeting">>();
  if (!params.leadIds.length) return summaries;
  const scope = and(eq(meetings.clientId, params.clientId), inArray(meetings.leadId, params.leadIds));

  const [countRows, nextRows] = await Promise.all([
    db
      .select({
        leadId: meetings.leadId,
        total: count(),
        upcoming: sql<number>`count(*) filter (where ${upcomingCondition(params.now)})`.mapWith(Number),
        noShow: sql<number>`count(*) filter (where ${noShowCondition()})`.mapWith(Number),
      })
      .from(meetings)
      .where(scope)
      .groupBy(meetings.leadId),
    db
      .selectDistinctOn([meetings.leadId], {
        leadId: meetings.leadId, id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, endsAt: meetings.endsAt,
      })
      .from(meetings)
      .where(and(scope, upcomingCondition(params.now)))
      .orderBy(meetings.leadId, asc(meetings.startsAt), asc(meetings.createdAt), asc(meetings.id)),
  ]);

  for (const row of countRows) {
    summaries.set(row.leadId, {
      counts: { upcoming: row.upcoming, past: row.total - row.upcoming - row.noShow, noShow: row.noShow },
      nextMeeting: null,
    });
  }
  for (const { leadId, ...meeting } of nextRows) {
    const summary = summaries.get(leadId);
    if (summary) summary.nextMeeting = meeting;
  }
  return summaries;
}
