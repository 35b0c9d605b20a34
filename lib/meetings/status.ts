import { and, eq, type SQL } from "drizzle-orm";
import type { StoredMeetingStatus } from "@/db/enums";
import type { meetings } from "@/db/schema";

// One rule in both forms: the API and the cards ask the TypeScript one, queries filter with the SQL one.
// tests/db/rule-pairs.test.ts pins the two equal (the stored public JSON's status, written by the trigger of
// migration 0013, is pinned by tests/db/public-json.test.ts). The SQL forms take the table, so a browser
// bundle that asks only the TypeScript form never loads the database schema.

export const shownMeetingStatuses = ["scheduled", "confirmed", "completed", "cancelled", "no_show"] as const;
export type ShownMeetingStatus = (typeof shownMeetingStatuses)[number];

/** What the API and the dashboard show: a scheduled meeting the lead confirmed reads as `confirmed`. */
export function shownStatus(meeting: { status: StoredMeetingStatus; confirmedByLead: boolean }): ShownMeetingStatus {
  return meeting.status === "scheduled" && meeting.confirmedByLead ? "confirmed" : meeting.status;
}

type StatusColumns = Pick<typeof meetings, "status" | "confirmedByLead">;

/** The SQL form of `shownStatus`, for filtering: the rows that show `status`. */
export function shownStatusCondition(table: StatusColumns, status: ShownMeetingStatus): SQL {
  switch (status) {
    case "scheduled":
      return and(eq(table.status, "scheduled"), eq(table.confirmedByLead, false))!;
    case "confirmed":
      return and(eq(table.status, "scheduled"), eq(table.confirmedByLead, true))!;
    default:
      return eq(table.status, status);
  }
}
