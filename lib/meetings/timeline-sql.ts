import { and, eq, gt, ne, not, type SQL } from "drizzle-orm";
import { meetings } from "@/db/schema";
import type { TimelineTab } from "./timeline";

/**
 * The SQL forms of `timelineTab` (timeline.ts): a meeting is in exactly one tab.
 * tests/db/rule-pairs.test.ts pins each condition to the TypeScript rule.
 */
export function upcomingCondition(now: Date): SQL {
  return and(eq(meetings.status, "scheduled"), gt(meetings.endsAt, now))!;
}

export const noShowCondition = (): SQL => eq(meetings.status, "no_show");

const pastCondition = (now: Date): SQL => and(ne(meetings.status, "no_show"), not(upcomingCondition(now)))!;

export function timelineTabCondition(tab: TimelineTab, now: Date): SQL {
  if (tab === "upcoming") return upcomingCondition(now);
  return tab === "no-show" ? noShowCondition() : pastCondition(now);
}
