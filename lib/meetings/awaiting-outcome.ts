import { and, eq, lte, type SQL } from "drizzle-orm";
import type { StoredMeetingStatus } from "@/db/enums";
import type { meetings } from "@/db/schema";

// One rule in both forms: the meeting card asks the TypeScript one, the lead list filters with the SQL
// one. tests/db/rule-pairs.test.ts pins the two equal.

/** A scheduled meeting whose time is over but whose outcome nobody has recorded yet. */
export function isAwaitingOutcome(meeting: { status: StoredMeetingStatus; endsAt: Date }, now: Date): boolean {
  return meeting.status === "scheduled" && meeting.endsAt.getTime() <= now.getTime();
}

/** The SQL form of `isAwaitingOutcome`, over the `meetings` table (passed in, so the browser never loads the schema). */
export function awaitingOutcomeCondition(table: Pick<typeof meetings, "status" | "endsAt">, now: Date): SQL {
  return and(eq(table.status, "scheduled"), lte(table.endsAt, now))!;
}
