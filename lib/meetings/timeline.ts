import type { StoredMeetingStatus } from "@/db/enums";

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
