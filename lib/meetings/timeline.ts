import { and, eq, gt, ne, not, type SQL } from "drizzle-orm";
import type { StoredMeetingStatus } from "@/db/enums";
import type { meetings } from "@/db/schema";

// One rule in both forms: cards and the browser's tabs ask the TypeScript one (timelineTab), queries page
// and count with the SQL ones. tests/db/rule-pairs.test.ts pins them equal. The SQL forms take the table,
// so a browser bundle that asks only the TypeScript form never loads the database schema.

export const timelineTabs = ["upcoming", "past", "no-show"] as const;
export type TimelineTab = (typeof timelineTabs)[number];

/** Each tab's key in the "meetings.tabs" catalogue (the URL says "no-show", the catalogue "no_show"). */
export const timelineTabKey = { upcoming: "upcoming", past: "past", "no-show": "no_show" } as const satisfies Record<TimelineTab, string>;

type TimelineMeeting = { status: StoredMeetingStatus; endsAt: Date };

/** The tab named in a URL's `?tab=`; anything else opens Upcoming. */
export function parseTimelineTab(value: unknown): TimelineTab {
  return timelineTabs.includes(value as TimelineTab) ? (value as TimelineTab) : "upcoming";
}

/**
 * Where a meeting belongs. Upcoming: scheduled or confirmed and not yet ended (a meeting in progress
 * is still upcoming). No-show: marked no-show. Past: everything else, including scheduled meetings
 * whose time has passed with no outcome recorded.
 */
export function timelineTab(meeting: Pick<TimelineMeeting, "status" | "endsAt">, now: Date): TimelineTab {
  if (meeting.status === "no_show") return "no-show";
  if (meeting.status === "scheduled" && meeting.endsAt.getTime() > now.getTime()) return "upcoming";
  return "past";
}

type TimelineColumns = Pick<typeof meetings, "status" | "endsAt">;

/** The SQL forms of `timelineTab`: a meeting is in exactly one tab. */
export function upcomingCondition(table: TimelineColumns, now: Date): SQL {
  return and(eq(table.status, "scheduled"), gt(table.endsAt, now))!;
}

export function noShowCondition(table: TimelineColumns): SQL {
  return eq(table.status, "no_show");
}

function pastCondition(table: TimelineColumns, now: Date): SQL {
  return and(ne(table.status, "no_show"), not(upcomingCondition(table, now)))!;
}

export function timelineTabCondition(table: TimelineColumns, tab: TimelineTab, now: Date): SQL {
  if (tab === "upcoming") return upcomingCondition(table, now);
  return tab === "no-show" ? noShowCondition(table) : pastCondition(table, now);
}
