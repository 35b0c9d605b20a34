import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Database } from "@/db/client";
import { listHistory } from "./history";
import { describeHistoryEntry, type HistoryFeedPage, type HistoryScope, type HistoryTranslator } from "./history-display";

export const HISTORY_PAGE_SIZE = 20;

/**
 * A page of a meeting's or a lead's history as the dashboard shows it, in the rep's zone and language. A lead's
 * entries name their meeting, so the activity feed says which one changed.
 */
export async function loadHistoryFeed(
  db: Database,
  params: { clientId: string; timeZone: string; of: HistoryScope; offset: number },
): Promise<HistoryFeedPage> {
  const { clientId, timeZone, of, offset } = params;
  const [{ entries, total }, locale, t] = await Promise.all([
    listHistory(db, { clientId, of, page: { limit: HISTORY_PAGE_SIZE, offset } }),
    getLocale(),
    getTranslations("history"),
  ]);
  const nextOffset = offset + entries.length;
  return {
    items: entries.map((entry) =>
      describeHistoryEntry(entry, { timeZone, locale, t: t as unknown as HistoryTranslator, meetingTitle: "leadId" in of ? entry.meetingTitle : undefined })),
    total,
    nextOffset: entries.length && nextOffset < total ? nextOffset : null,
  };
}
