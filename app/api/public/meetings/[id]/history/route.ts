import { getOnly, historyAnswer, historyPage } from "@/lib/api/meeting-routes";
import { publicRoute } from "@/lib/api/public-route";
import { listHistory } from "@/lib/meetings/history";
import { getMeeting } from "@/lib/meetings/queries";

// GET /api/public/meetings/{id}/history?limit&offset — the meeting's changes, newest first.
export const GET = publicRoute<{ id: string }>(async ({ request, db, clientId, params }) => {
  const page = historyPage(request);
  const meeting = await getMeeting(db, { clientId, meetingId: params.id });
  return historyAnswer(await listHistory(db, { clientId, of: { meetingId: meeting.id }, page }));
});

export { getOnly as POST, getOnly as PUT, getOnly as PATCH, getOnly as DELETE };
