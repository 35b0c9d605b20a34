import { and, eq, sql, type SQL } from "drizzle-orm";
import { meetings } from "@/db/schema";
import type { ShownMeetingStatus } from "./status";

/** The SQL form of `shownStatus` (status.ts), for filtering; tests/db/rule-pairs.test.ts pins the two equal. */
export function shownStatusCondition(status: ShownMeetingStatus): SQL {
  switch (status) {
    case "scheduled":
      return and(eq(meetings.status, "scheduled"), eq(meetings.confirmedByLead, false))!;
    case "confirmed":
      return and(eq(meetings.status, "scheduled"), eq(meetings.confirmedByLead, true))!;
    default:
      return eq(meetings.status, status);
  }
}

/** `shownStatus` (status.ts) as a value: "confirmed" for a scheduled meeting the lead confirmed, else the stored status. */
export const shownStatusValue: SQL<ShownMeetingStatus> = sql`case when ${meetings.status} = 'scheduled' and ${meetings.confirmedByLead} then 'confirmed' else ${meetings.status} end`;
