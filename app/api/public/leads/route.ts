import { readJsonBody } from "@/lib/api/json-body";
import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { validationFailed } from "@/lib/errors";
import { leadLookupQuerySchema, lookUpLeads } from "@/lib/leads/lookup";
import { leadInputSchema } from "@/lib/leads/schema";
import { toPublicLead } from "@/lib/leads/serialize";
import { createLead, createLeads } from "@/lib/leads/service";
import { parseOrThrow } from "@/lib/validation";

// GET /api/public/leads?email|q&limit&cursor — find leads: by email in matching order, else alphabetically.
export const GET = publicRoute(async ({ request, db, clientId }) => {
  const search = new URL(request.url).searchParams;
  const query = parseOrThrow(leadLookupQuerySchema, Object.fromEntries(["email", "q", "limit", "cursor"].map((name) => [name, search.get(name) ?? undefined])));
  const { leads, nextCursor } = await lookUpLeads(db, { clientId, query });
  return json({ success: true, leads: leads.map(toPublicLead), next_cursor: nextCursor });
});

// POST /api/public/leads — create a lead (an object: 201), or up to 1,000 (an array: 207, a result per item).
export const POST = publicRoute(async ({ request, db, clientId }) => {
  const body = await readJsonBody(request, { arrayMaxBytes: 1024 * 1024 });
  if (!Array.isArray(body)) {
    const lead = await createLead(db, { clientId, input: parseOrThrow(leadInputSchema, body) });
    return json({ success: true, lead: toPublicLead(lead) }, 201);
  }
  const results = await createLeads(db, { clientId, items: body });
  const created = results.filter((result) => "lead" in result).length;
  return json(
    {
      success: true, created, failed: results.length - created,
      results: results.map((result) => ("lead" in result
        ? { index: result.index, lead: toPublicLead(result.lead) }
        : { index: result.index, error: validationFailed(result.issues).toBody() })),
    },
    207,
  );
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
