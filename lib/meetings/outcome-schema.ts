import { z } from "zod";
import { completeInputSchema, noShowInputSchema } from "./schema";
import { decideTransition } from "./transitions";

/**
 * How a meeting logged after the fact went: the bodies of the complete and no-show actions, tagged with
 * the action. The dashboard's log form sends it beside the meeting; logMeeting applies it as that action.
 */
export const loggedOutcomeSchema = z.discriminatedUnion(
  "action",
  [completeInputSchema.extend({ action: z.literal("complete") }), noShowInputSchema.extend({ action: z.literal("no_show") })],
  { error: () => "must be a completed or no-show outcome" },
);
export type LoggedOutcome = z.output<typeof loggedOutcomeSchema>;

/**
 * An outcome is recorded only for a meeting that has started: the transition table decides, for the new
 * scheduled meeting. Completed and no-show both need a started one, so asking for one asks for both.
 */
export function outcomeStartError(startsAt: Date, now: Date): string | null {
  const logged = { status: "scheduled", confirmedByLead: false, startsAt } as const;
  return decideTransition(logged, "complete", now).outcome === "refused" ? "must be in the past for a meeting that already happened" : null;
}
