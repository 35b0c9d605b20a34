import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { meetingStatusFilterSchema } from "@/lib/meetings/schema";
import { toPublicMeeting } from "@/lib/meetings/serialize";
import { listLeadMeetings } from "@/lib/meetings/queries";
import { parseOrThrow } from "@/lib/validation";

// GET /api/public/leads/{id}/meetings — a lead's meetings, most recent first.
export const GET = publicRoute<{ id: string }>(async ({ request, db, clientId, params }) => {
  const statuses = parseOrThrow(meetingStatusFilterSchema, new URL(request.url).searchParams.get("status"));
  const result = await listLeadMeetings(db, { clientId, leadId: params.id, statuses });
  return json({ success: true, meetings: result.meetings.map(toPublicMeeting) });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
