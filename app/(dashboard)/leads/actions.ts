"use server";

import { failureFromError, unreadableRequest } from "@/lib/action-failures";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { parseForm } from "@/lib/forms";
import { isPlainObject } from "@/lib/validation";
import type { EmailOwner, SaveLeadResult } from "@/lib/leads/form";
import { leadLookupQuerySchema, lookUpLeads } from "@/lib/leads/lookup";
import { leadInputSchema } from "@/lib/leads/schema";
import { createLead, fullName } from "@/lib/leads/service";

/** The dashboard's "New lead": POST /api/public/leads's schema and service, for the rep's own client, as a manual lead. */
export async function createLeadAction(body: unknown): Promise<SaveLeadResult> {
  const rep = await requireRep("/leads");
  if (!isPlainObject(body)) return unreadableRequest();
  const parsed = parseForm(leadInputSchema, body);
  if (!parsed.ok) return parsed;
  try {
    const lead = await createLead(await getDb(), { clientId: rep.clientId, input: parsed.data, source: "manual" });
    return { ok: true, leadId: lead.id };
  } catch (error) {
    return failureFromError(error);
  }
}

/**
 * Which other lead of the rep's client already has this email (GET /api/public/leads?email's lookup, so
 * the first is the lead a meeting would attach to), for the form's warning. Null for no match or no email.
 */
export async function findEmailOwnerAction(email: unknown, exceptLeadId: unknown): Promise<EmailOwner> {
  const rep = await requireRep();
  const query = leadLookupQuerySchema.safeParse({ email, limit: 2 });
  if (!query.success || !query.data.email) return null;
  const { leads } = await lookUpLeads(await getDb(), { clientId: rep.clientId, query: query.data });
  const owner = leads.find((lead) => lead.id !== exceptLeadId);
  return owner ? { id: owner.id, name: fullName(owner) } : null;
}
