import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { listLeadMeetings } from "@/lib/meetings/listing";
import { meetingListQuerySchema } from "@/lib/meetings/schema";
import { toPublicMeeting } from "@/lib/meetings/serialize";
import { parseOrThrow } from "@/lib/validation";

// GET /api/public/leads/{id}/meetings[?status&limit&cursor&from&to] — a lead's meetings, most recent first.
export const GET = publicRoute<{ id: string }>(async ({ request, db, clientId, params }) => {
  const search = new URL(request.url).searchParams;
  const query = parseOrThrow(meetingListQuerySchema, {
    status: search.get("status"),
    ...Object.fromEntries(["limit", "cursor", "from", "to"].map((name) => [name, search.get(name) ?? undefined])),
  });
  const { meetings, nextCursor } = await listLeadMeetings(db, { clientId, leadId: params.id, query });
  return json({ success: true, meetings: meetings.map(toPublicMeeting), ...(nextCursor !== undefined && { next_cursor: nextCursor }) });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
