import { json, publicRoute } from "@/lib/api/public-route";
import { getOnly } from "@/lib/api/meeting-routes";
import { getMeeting } from "@/lib/meetings/queries";
import { toPublicMeeting } from "@/lib/meetings/serialize";

// GET /api/public/meetings/{id} — one meeting.
export const GET = publicRoute<{ id: string }>(async ({ db, clientId, params }) => {
  const meeting = await getMeeting(db, { clientId, meetingId: params.id });
  return json({ success: true, meeting: toPublicMeeting(meeting) });
});

export { getOnly as POST, getOnly as PUT, getOnly as PATCH, getOnly as DELETE };
