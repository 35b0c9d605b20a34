import { jsonOfParts, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { listLeadMeetings } from "@/lib/meetings/listing";
import { meetingListQuerySchema } from "@/lib/meetings/schema";
import { parseOrThrow } from "@/lib/validation";

// GET /api/public/leads/{id}/meetings[?status&limit&cursor&from&to] — a lead's meetings, most recent first.
export const GET = publicRoute<{ id: string }>(async ({ request, db, clientId, params }) => {
  const search = new URL(request.url).searchParams;
  const query = parseOrThrow(meetingListQuerySchema, {
    // ?status=a&status=b means what ?status=a,b does, rather than the first alone.
    status: search.has("status") ? search.getAll("status").join(",") : null,
    ...Object.fromEntries(["limit", "cursor", "from", "to"].map((name) => [name, search.get(name) ?? undefined])),
  });
  const { meetings, nextCursor } = await listLeadMeetings(db, { clientId, leadId: params.id, query });
  const cursor = nextCursor === undefined ? "" : `,"next_cursor":${JSON.stringify(nextCursor)}`;
  return jsonOfParts(`{"success":true,"meetings":[`, meetings, `]${cursor}}`);
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
