import { getOnly, historyAnswer, historyPage } from "@/lib/api/meeting-routes";
import { publicRoute } from "@/lib/api/public-route";
import { getLead } from "@/lib/leads/service";
import { listHistory } from "@/lib/meetings/history";

// GET /api/public/leads/{id}/history?limit&offset — every change to the lead's meetings, newest first.
export const GET = publicRoute<{ id: string }>(async ({ request, db, clientId, params }) => {
  const page = historyPage(request);
  const lead = await getLead(db, { clientId, leadId: params.id });
  return historyAnswer(await listHistory(db, { clientId, of: { leadId: lead.id }, page }));
});

export { getOnly as POST, getOnly as PUT, getOnly as PATCH, getOnly as DELETE };
