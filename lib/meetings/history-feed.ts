import "server-only";
import type { Database } from "@/db/client";
import { listHistory } from "./history";
import { describeHistoryEntry, type HistoryFeedPage, type HistoryScope } from "./history-display";
import { listMeetingsOfLead } from "./queries";

export const HISTORY_PAGE_SIZE = 20;

/**
 * A page of a meeting's or a lead's history as the dashboard shows it, in the rep's zone. A lead's
 * entries name their meeting, so the activity feed says which one changed.
 */
export async function loadHistoryFeed(
  db: Database,
  params: { clientId: string; timeZone: string; of: HistoryScope; offset: number },
): Promise<HistoryFeedPage> {
  const { clientId, timeZone, of, offset } = params;
  const [{ entries, total }, meetings] = await Promise.all([
    listHistory(db, { clientId, of, page: { limit: HISTORY_PAGE_SIZE, offset } }),
    "leadId" in of ? listMeetingsOfLead(db, { clientId, leadId: of.leadId }) : [],
  ]);
  const titles = new Map(meetings.map((meeting) => [meeting.id, meeting.title]));
  const nextOffset = offset + entries.length;
  return {
    items: entries.map((entry) => describeHistoryEntry(entry, { timeZone, meetingTitle: titles.get(entry.meetingId) })),
    total,
    nextOffset: entries.length && nextOffset < total ? nextOffset : null,
  };
}
