import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetings, type MeetingHistoryType } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseOrThrow } from "@/lib/validation";
import { meetingChanges, recordHistory, type Actor } from "./history";
import { lockMeeting, meetingRowColumns, type MeetingRow, type MeetingView } from "./queries";
import { rescheduleInputSchema } from "./schema";
import { shownStatus } from "./status";
import { decideTransition, type LifecycleAction } from "./transitions";

/** What each action carries: a reason and notes where the table says, new times for a reschedule. */
export type ActionInput =
  | { action: "cancel"; reason?: string | null }
  | { action: "no_show"; reason?: string | null; notes?: string | null }
  | { action: "complete"; notes?: string | null }
  | { action: "confirm" }
  | { action: "reschedule"; startsAt: Date; endsAt: Date; timezone: string; reason?: string | null };

/** An outcome recorded together with a new meeting (the dashboard's "it already happened"). */
export type RecordedOutcome = Extract<ActionInput, { action: "complete" | "no_show" }>;

const historyTypes: Record<LifecycleAction, MeetingHistoryType> = {
  cancel: "meeting_cancelled",
  no_show: "meeting_no_show",
  complete: "meeting_completed",
  confirm: "meeting_confirmed",
  reschedule: "meeting_rescheduled",
};

// Every outcome field, cleared: a meeting leaving a status loses that status's fields (the history keeps them).
const noOutcome = { cancelledAt: null, cancellationReason: null, noShowReason: null, outcomeAt: null, outcomeNotes: null };

/** The columns an action writes besides the status (the transition table's); `now` is the database clock of the transaction. */
function changedColumns(input: ActionInput, actor: Actor): Partial<MeetingRow> | Record<string, unknown> {
  const now = sql`now()`;
  switch (input.action) {
    case "cancel":
      return { ...noOutcome, cancelledAt: now, cancellationReason: input.reason ?? null };
    case "no_show":
      return { ...noOutcome, noShowReason: input.reason ?? `${actor.type}_marked`, outcomeNotes: input.notes ?? null, outcomeAt: now };
    case "complete":
      return { ...noOutcome, outcomeNotes: input.notes ?? null, outcomeAt: now };
    case "confirm":
      return { confirmedByLead: true };
    case "reschedule":
      return { ...noOutcome, confirmedByLead: false, startsAt: input.startsAt, endsAt: input.endsAt, timezone: input.timezone };
  }
}

/** A reschedule of a scheduled, unconfirmed meeting to the times and zone it already has changes nothing. */
function isNoOpReschedule(meeting: MeetingRow, input: ActionInput): boolean {
  return (
    input.action === "reschedule" && meeting.status === "scheduled" && !meeting.confirmedByLead &&
    meeting.startsAt.getTime() === input.startsAt.getTime() && meeting.endsAt.getTime() === input.endsAt.getTime() &&
    meeting.timezone === input.timezone
  );
}

/**
 * Applies a lifecycle action as the transition table decides, with its history entry, in one transaction.
 * The row is locked first, so of two conflicting actions at once one applies and the other is decided
 * on the state it left (409 or idempotent). An action that changes nothing returns `idempotent: true`.
 * An action that depends on the meeting (a reschedule's times, read in its zone) is given as a function of the locked row.
 */
export async function applyMeetingAction(
  db: Database,
  params: { clientId: string; meetingId: string; action: ActionInput | ((locked: MeetingView) => ActionInput); actor: Actor },
): Promise<{ meeting: MeetingView; idempotent: boolean }> {
  const { clientId, meetingId } = params;
  return db.transaction(async (tx) => {
    const { now, ...before } = await lockMeeting(tx, { clientId, meetingId });
    const input = typeof params.action === "function" ? params.action(before) : params.action;
    const decision = decideTransition(before, input.action, now);
    if (decision.outcome === "refused") {
      throw new AppError("invalid_transition", decision.because, { fields: { current_status: shownStatus(before) } });
    }
    if (decision.outcome === "idempotent" || isNoOpReschedule(before, input)) return { meeting: before, idempotent: true };

    const [row] = await tx
      .update(meetings)
      .set({ ...changedColumns(input, params.actor), status: decision.to, updatedAt: sql`now()` })
      .where(and(eq(meetings.clientId, clientId), eq(meetings.id, meetingId)))
      .returning(meetingRowColumns);
    // Actions never change the host or the meeting type, so their names carry over.
    const after: MeetingView = { ...row, hostName: before.hostName, meetingTypeName: before.meetingTypeName };
    const reason = "reason" in input ? (input.reason ?? null) : null;
    await recordHistory(tx, { meeting: after, type: historyTypes[input.action], actor: params.actor, reason, changes: meetingChanges(before, after) });
    return { meeting: after, idempotent: false };
  });
}

/**
 * Reschedules from a request body: the times are read in the meeting's zone unless the body names one, the
 * zone of the locked row, so a concurrent change of zone is not undone by a reschedule read before it.
 */
export async function rescheduleMeeting(
  db: Database,
  params: { clientId: string; meetingId: string; body: unknown; actor: Actor },
): Promise<{ meeting: MeetingView; idempotent: boolean }> {
  return applyMeetingAction(db, {
    ...params,
    action: (locked) => ({ action: "reschedule", ...parseOrThrow(rescheduleInputSchema(locked.timezone), params.body) }),
  });
}
