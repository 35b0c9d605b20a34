import type { StoredMeetingStatus } from "@/db/enums";
import { shownStatus, type ShownMeetingStatus } from "./status";

export const lifecycleActions = ["cancel", "no_show", "complete", "confirm", "reschedule"] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

/** What an action does to a meeting in a given state: the only place that decides. */
export type TransitionDecision =
  | { outcome: "apply"; to: StoredMeetingStatus }
  | { outcome: "idempotent" }
  | { outcome: "refused"; because: string };

type Cell = StoredMeetingStatus | "idempotent" | "refused" | "needs_started";

/**
 * The transition table (README, "Meeting lifecycle"). Rows: the stored status; columns: the action.
 * `needs_started`: allowed only once the meeting has started. Confirm is idempotent when already confirmed,
 * and a reschedule to the same times of an unconfirmed scheduled meeting changes nothing (decided by the caller).
 */
export const transitionTable: Record<StoredMeetingStatus, Record<LifecycleAction, Cell>> = {
  scheduled: { cancel: "cancelled", no_show: "needs_started", complete: "needs_started", confirm: "scheduled", reschedule: "scheduled" },
  cancelled: { cancel: "idempotent", no_show: "refused", complete: "refused", confirm: "refused", reschedule: "scheduled" },
  no_show: { cancel: "refused", no_show: "idempotent", complete: "completed", confirm: "refused", reschedule: "scheduled" },
  completed: { cancel: "refused", no_show: "no_show", complete: "idempotent", confirm: "refused", reschedule: "refused" },
};

const actionLabels: Record<LifecycleAction, string> = {
  cancel: "cancel",
  no_show: "mark as no-show",
  complete: "complete",
  confirm: "confirm",
  reschedule: "reschedule",
};

type MeetingState = { status: StoredMeetingStatus; confirmedByLead: boolean; startsAt: Date };

export function decideTransition(meeting: MeetingState, action: LifecycleAction, now: Date): TransitionDecision {
  const cell = transitionTable[meeting.status][action];
  const shown = shownStatus(meeting);
  if (cell === "idempotent") return { outcome: "idempotent" };
  if (cell === "refused") return { outcome: "refused", because: `Cannot ${actionLabels[action]} a meeting that is ${describe(shown)}` };
  if (cell === "needs_started") {
    if (meeting.startsAt.getTime() > now.getTime()) {
      return { outcome: "refused", because: `Cannot ${actionLabels[action]} a meeting that has not started yet (it is ${describe(shown)})` };
    }
    return { outcome: "apply", to: action === "no_show" ? "no_show" : "completed" };
  }
  if (action === "confirm" && meeting.confirmedByLead) return { outcome: "idempotent" };
  return { outcome: "apply", to: cell };
}

/** The actions a meeting in this state allows right now: what the dashboard offers on its card. */
export function allowedActions(meeting: MeetingState, now: Date): LifecycleAction[] {
  return lifecycleActions.filter((action) => decideTransition(meeting, action, now).outcome === "apply");
}

const describe = (status: ShownMeetingStatus) => status.replace("_", "-");
