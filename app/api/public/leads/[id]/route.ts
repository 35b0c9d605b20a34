import { readJsonBody } from "@/lib/api/json-body";
import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { leadPatchSchema } from "@/lib/leads/schema";
import { toPublicLead } from "@/lib/leads/serialize";
import { deleteLead, getLead, updateLead } from "@/lib/leads/service";
import { parseOrThrow } from "@/lib/validation";

// GET /api/public/leads/{id} — one lead.
export const GET = publicRoute<{ id: string }>(async ({ db, clientId, params }) => {
  const lead = await getLead(db, { clientId, leadId: params.id });
  return json({ success: true, lead: toPublicLead(lead) });
});

// PATCH /api/public/leads/{id} — change some of a lead's fields; metadata is merged key by key.
export const PATCH = publicRoute<{ id: string }>(async ({ request, db, clientId, params }) => {
  const patch = parseOrThrow(leadPatchSchema, await readJsonBody(request));
  const lead = await updateLead(db, { clientId, leadId: params.id, patch });
  return json({ success: true, lead: toPublicLead(lead) });
});

// DELETE /api/public/leads/{id} — delete a lead with its meetings and their history.
export const DELETE = publicRoute<{ id: string }>(async ({ db, clientId, params }) => {
  await deleteLead(db, { clientId, leadId: params.id });
  return json({ success: true, deleted: true });
});

const notAllowed = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export { notAllowed as POST, notAllowed as PUT };
