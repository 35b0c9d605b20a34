import { readJsonBody } from "@/lib/api/json-body";
import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { listHistory, toPublicHistoryEntry } from "@/lib/meetings/history";
import { applyMeetingAction, type ActionInput } from "@/lib/meetings/lifecycle";
import type { MeetingView } from "@/lib/meetings/queries";
import { historyPageSchema } from "@/lib/meetings/schema";
import { toPublicMeeting } from "@/lib/meetings/serialize";
import { parseOrThrow } from "@/lib/validation";

type Outcome = { meeting: MeetingView; idempotent: boolean };

export const meetingAnswer = ({ meeting, idempotent }: Outcome) =>
  json({ success: true, meeting: toPublicMeeting(meeting), ...(idempotent && { idempotent: true }) });

/** POST /meetings/{id}/<action>: an optional JSON body, turned into the action's input. */
export function meetingActionRoute(toInput: (body: unknown) => ActionInput) {
  return publicRoute<{ id: string }>(async ({ request, db, clientId, actor, params }) => {
    const action = toInput(await readJsonBody(request, { optional: true }));
    return meetingAnswer(await applyMeetingAction(db, { clientId, meetingId: params.id, action, actor }));
  });
}

export const postOnly = methodNotAllowed(["POST"]);
export const getOnly = methodNotAllowed(["GET"]);


/** `limit` (1–200, default 50) and `offset` of a history listing; empty values count as absent. */
export function historyPage(request: Request) {
  const query = new URL(request.url).searchParams;
  const value = (name: string) => query.get(name)?.trim() || undefined;
  return parseOrThrow(historyPageSchema, { limit: value("limit"), offset: value("offset") });
}

export function historyAnswer(result: Awaited<ReturnType<typeof listHistory>>) {
  return json({ success: true, history: result.entries.map(toPublicHistoryEntry), total: result.total });
}
