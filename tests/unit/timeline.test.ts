import { describe, expect, it } from "vitest";
import type { StoredMeetingStatus } from "@/db/enums";
import { isAwaitingOutcome } from "@/lib/meetings/awaiting-outcome";
import { parseTimelineTab, timelineTab } from "@/lib/meetings/timeline";

const now = new Date("2026-05-10T12:00:00Z");
const HOUR = 3_600_000;
const at = (offsetHours: number) => new Date(now.getTime() + offsetHours * HOUR);

let sequence = 0;
const meeting = (status: StoredMeetingStatus, startOffsetHours: number, minutes = 30, title = `m${++sequence}`) => {
  const startsAt = at(startOffsetHours);
  return { id: title, title, status, startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), createdAt: at(-1000) };
};

describe("timelineTab", () => {
  it.each([
    ["scheduled in the future", meeting("scheduled", 24), "upcoming"],
    ["scheduled and in progress", meeting("scheduled", -0.25, 30), "upcoming"],
    ["scheduled and ended", meeting("scheduled", -1.5, 30), "past"],
    ["scheduled and ending exactly now", meeting("scheduled", -0.5, 30), "past"],
    ["completed", meeting("completed", -48), "past"],
    ["cancelled, even if its time is still ahead", meeting("cancelled", 24), "past"],
    ["no-show", meeting("no_show", -72), "no-show"],
  ] as const)("puts a meeting %s in %s", (_label, m, tab) => {
    expect(timelineTab(m, now)).toBe(tab);
  });
});

describe("isAwaitingOutcome", () => {
  it("flags scheduled meetings whose time has passed, and nothing else", () => {
    expect(isAwaitingOutcome(meeting("scheduled", -2), now)).toBe(true);
    expect(isAwaitingOutcome(meeting("scheduled", 2), now)).toBe(false);
    expect(isAwaitingOutcome(meeting("completed", -2), now)).toBe(false);
    expect(isAwaitingOutcome(meeting("no_show", -2), now)).toBe(false);
  });
});

describe("parseTimelineTab", () => {
  it("accepts the three tab names and falls back to upcoming", () => {
    expect(parseTimelineTab("past")).toBe("past");
    expect(parseTimelineTab("no-show")).toBe("no-show");
    expect(parseTimelineTab("upcoming")).toBe("upcoming");
    expect(parseTimelineTab("no_show")).toBe("upcoming");
    expect(parseTimelineTab(undefined)).toBe("upcoming");
    expect(parseTimelineTab(["past"])).toBe("upcoming");
  });
});
