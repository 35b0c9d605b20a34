import { readJsonBody } from "@/lib/api/json-body";
import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { leadInputSchema } from "@/lib/leads/schema";
import { toPublicLead } from "@/lib/leads/serialize";
import { createLead } from "@/lib/leads/service";
import { parseOrThrow } from "@/lib/validation";

// POST /api/public/leads — create a lead.
export const POST = publicRoute(async ({ request, db, clientId }) => {
  const input = parseOrThrow(leadInputSchema, await readJsonBody(request));
  const lead = await createLead(db, { clientId, input });
  return json({ success: true, lead: toPublicLead(lead) }, 201);
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
