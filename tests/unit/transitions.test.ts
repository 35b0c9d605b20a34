import { describe, expect, it } from "vitest";
import type { StoredMeetingStatus } from "@/db/enums";
import { allowedActions, decideTransition, type LifecycleAction } from "@/lib/meetings/transitions";

const now = new Date("2026-06-01T12:00:00Z");
const past = new Date("2026-06-01T11:00:00Z");
const future = new Date("2026-06-02T11:00:00Z");

type Expected = StoredMeetingStatus | "confirmed" | "idempotent" | "refused";
const cells: [StoredMeetingStatus | "confirmed", LifecycleAction, Expected, Expected][] = [
  // from, action, when the meeting has started, when it has not
  ["scheduled", "cancel", "cancelled", "cancelled"],
  ["scheduled", "no_show", "no_show", "refused"],
  ["scheduled", "complete", "completed", "refused"],
  ["scheduled", "confirm", "confirmed", "confirmed"],
  ["scheduled", "reschedule", "scheduled", "scheduled"],
  ["confirmed", "cancel", "cancelled", "cancelled"],
  ["confirmed", "no_show", "no_show", "refused"],
  ["confirmed", "complete", "completed", "refused"],
  ["confirmed", "confirm", "idempotent", "idempotent"],
  ["confirmed", "reschedule", "scheduled", "scheduled"],
  ["cancelled", "cancel", "idempotent", "idempotent"],
  ["cancelled", "no_show", "refused", "refused"],
  ["cancelled", "complete", "refused", "refused"],
  ["cancelled", "confirm", "refused", "refused"],
  ["cancelled", "reschedule", "scheduled", "scheduled"],
  ["no_show", "cancel", "refused", "refused"],
  ["no_show", "no_show", "idempotent", "idempotent"],
  ["no_show", "complete", "completed", "completed"],
  ["no_show", "confirm", "refused", "refused"],
  ["no_show", "reschedule", "scheduled", "scheduled"],
  ["completed", "cancel", "refused", "refused"],
  ["completed", "no_show", "no_show", "no_show"],
  ["completed", "complete", "idempotent", "idempotent"],
  ["completed", "confirm", "refused", "refused"],
  ["completed", "reschedule", "refused", "refused"],
];

const meeting = (from: StoredMeetingStatus | "confirmed", startsAt: Date) => ({
  status: from === "confirmed" ? ("scheduled" as const) : from,
  confirmedByLead: from === "confirmed",
  startsAt,
});

const outcomeOf = (from: StoredMeetingStatus | "confirmed", action: LifecycleAction, startsAt: Date): Expected => {
  const decision = decideTransition(meeting(from, startsAt), action, now);
  if (decision.outcome !== "apply") return decision.outcome;
  return action === "confirm" ? "confirmed" : decision.to;
};

describe("decideTransition", () => {
  it.each(cells)("%s + %s → %s once started, %s before", (from, action, started, notStarted) => {
    expect(outcomeOf(from, action, past)).toBe(started);
    expect(outcomeOf(from, action, future)).toBe(notStarted);
  });

  it("treats a meeting starting exactly now as started, and one starting a millisecond later as not", () => {
    const aMillisecondLater = new Date(now.getTime() + 1);
    for (const action of ["complete", "no_show"] as const) {
      expect(outcomeOf("scheduled", action, now)).not.toBe("refused");
      expect(outcomeOf("scheduled", action, aMillisecondLater)).toBe("refused");
    }
  });

  it("names the shown status and the action when refusing", () => {
    expect(decideTransition(meeting("cancelled", past), "complete", now)).toEqual({
      outcome: "refused", because: "Cannot complete a meeting that is cancelled",
    });
    expect(decideTransition(meeting("confirmed", future), "no_show", now)).toEqual({
      outcome: "refused", because: "Cannot mark as no-show a meeting that has not started yet (it is confirmed)",
    });
  });
});

describe("allowedActions (what a card offers)", () => {
  it.each<[StoredMeetingStatus | "confirmed", Date, LifecycleAction[]]>([
    ["scheduled", future, ["cancel", "confirm", "reschedule"]],
    ["scheduled", past, ["cancel", "no_show", "complete", "confirm", "reschedule"]],
    ["confirmed", past, ["cancel", "no_show", "complete", "reschedule"]],
    ["cancelled", past, ["reschedule"]],
    ["no_show", past, ["complete", "reschedule"]],
    ["completed", past, ["no_show"]],
  ])("%s (%s)", (from, startsAt, actions) => {
    expect(allowedActions(meeting(from, startsAt), now)).toEqual(actions);
  });
});
