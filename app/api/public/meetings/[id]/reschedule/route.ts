import { readJsonBody } from "@/lib/api/json-body";
import { meetingAnswer, postOnly } from "@/lib/api/meeting-routes";
import { publicRoute } from "@/lib/api/public-route";
import { rescheduleMeeting } from "@/lib/meetings/lifecycle";

// POST /api/public/meetings/{id}/reschedule — {starts_at, ends_at | duration_minutes, timezone?, reason?}
export const POST = publicRoute<{ id: string }>(async ({ request, db, clientId, actor, params }) => {
  const body = await readJsonBody(request);
  return meetingAnswer(await rescheduleMeeting(db, { clientId, meetingId: params.id, body, actor }));
});

export { postOnly as GET, postOnly as PUT, postOnly as PATCH, postOnly as DELETE };
