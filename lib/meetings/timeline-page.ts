import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings } from "@/db/schema";
import { encodeMeetingCursor, meetingCursorOfLead } from "./cursor";
import { listMeetingPageOfLead, type MeetingOrder, type MeetingView } from "./queries";
import type { TimelineTab } from "./timeline";
import { timelineTabCondition } from "./timeline";

/** Meetings a tab of the lead page shows at first and adds per "Load more". */
export const TIMELINE_PAGE_SIZE = 25;

/** Upcoming: soonest first. Past and no-show: most recent first. */
const tabOrders: Record<TimelineTab, MeetingOrder> = { upcoming: "oldest_first", past: "newest_first", "no-show": "newest_first" };

/** A page of one tab: its meetings, the cursor of the next page (null on the last), and the instant it was sorted at. */
export type TimelinePage = { meetings: MeetingView[]; nextCursor: string | null; now: Date };

/**
 * One page of a tab of a lead's timeline, after `cursor` (null for the first). The caller has checked
 * the lead is the rep's; the query is scoped by client and lead regardless, and a cursor of another
 * lead is a validation error.
 */
export async function listTimelinePage(
  db: Database,
  params: { clientId: string; leadId: string; tab: TimelineTab; now: Date; cursor: string | null; limit?: number },
): Promise<TimelinePage> {
  const { clientId, leadId, tab, now } = params;
  const page = await listMeetingPageOfLead(db, {
    clientId,
    leadId,
    limit: params.limit ?? TIMELINE_PAGE_SIZE,
    after: params.cursor === null ? null : meetingCursorOfLead(params.cursor, leadId),
    where: timelineTabCondition(meetings, tab, now),
    order: tabOrders[tab],
  });
  return { meetings: page.meetings, nextCursor: page.nextCursor && encodeMeetingCursor(page.nextCursor), now };
}

/** How many meetings each tab holds, from one grouped query. */
export async function countTimeline(db: Database, params: { clientId: string; leadId: string; now: Date }): Promise<Record<TimelineTab, number>> {
  const count = (tab: TimelineTab) => sql<number>`count(*) filter (where ${timelineTabCondition(meetings, tab, params.now)})`.mapWith(Number);
  const [row] = await db
    .select({ upcoming: count("upcoming"), past: count("past"), noShow: count("no-show") })
    .from(meetings)
    .where(and(eq(meetings.clientId, params.clientId), eq(meetings.leadId, params.leadId)));
  return { upcoming: row.upcoming, past: row.past, "no-show": row.noShow };
}

/**
 * What the lead page renders on the server: every tab's count and the first page of the tab in view, sorted
 * at the same instant. The other tabs load their first page in the browser once the page is up, so a lead
 * with long histories renders one tab's cards, not three.
 */
export async function loadTimeline(
  db: Database,
  params: { clientId: string; leadId: string; now: Date; tab: TimelineTab },
): Promise<{ counts: Record<TimelineTab, number>; firstPage: TimelinePage }> {
  const [counts, firstPage] = await Promise.all([countTimeline(db, params), listTimelinePage(db, { ...params, cursor: null })]);
  return { counts, firstPage };
}
