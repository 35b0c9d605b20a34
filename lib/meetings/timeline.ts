import type { StoredMeetingStatus } from "@/db/enums";

export const timelineTabs = ["upcoming", "past", "no-show"] as const;
export type TimelineTab = (typeof timelineTabs)[number];

export const timelineTabLabels: Record<TimelineTab, string> = { upcoming: "Upcoming", past: "Past", "no-show": "No-show" };

type TimelineMeeting = { id: string; status: StoredMeetingStatus; startsAt: Date; endsAt: Date; createdAt: Date };

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

const byTime = (a: TimelineMeeting, b: TimelineMeeting) =>
  a.startsAt.getTime() - b.startsAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);

/** Meetings split into tabs: upcoming soonest first; past and no-show most recent first. */
export function groupTimeline<M extends TimelineMeeting>(meetings: readonly M[], now: Date): Record<TimelineTab, M[]> {
  const groups: Record<TimelineTab, M[]> = { upcoming: [], past: [], "no-show": [] };
  for (const meeting of meetings) groups[timelineTab(meeting, now)].push(meeting);
  groups.upcoming.sort(byTime);
  groups.past.sort((a, b) => byTime(b, a));
  groups["no-show"].sort((a, b) => byTime(b, a));
  return groups;
}
