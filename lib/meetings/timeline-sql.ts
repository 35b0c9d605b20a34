import { and, eq, gt, type SQL } from "drizzle-orm";
import { meetings } from "@/db/schema";

/**
 * The SQL form of `timelineTab` (timeline.ts) for "upcoming" and "no-show"; everything else is past.
 * tests/db/rule-pairs.test.ts pins the two equal.
 */
export function upcomingCondition(now: Date): SQL {
  return and(eq(meetings.status, "scheduled"), gt(meetings.endsAt, now))!;
}

export const noShowCondition = (): SQL => eq(meetings.status, "no_show");
