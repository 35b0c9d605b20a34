import { readJsonBody } from "@/lib/api/json-body";
import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { toPublicMeeting } from "@/lib/meetings/serialize";
import { logMeeting } from "@/lib/meetings/log";
import { parseOrThrow } from "@/lib/validation";

// POST /api/public/meetings — log a meeting booked elsewhere; idempotent on the provider's event id.
export const POST = publicRoute(async ({ request, db, clientId, actor }) => {
  const input = parseOrThrow(meetingInputSchema, await readJsonBody(request));
  const { meeting, created } = await logMeeting(db, { clientId, input, source: "api", actor });
  return json({ success: true, meeting: toPublicMeeting(meeting) }, created ? 201 : 200);
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
