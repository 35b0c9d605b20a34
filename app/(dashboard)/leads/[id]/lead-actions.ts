"use server";

import { failureFromError, unreadableRequest } from "@/lib/action-failures";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { parseForm } from "@/lib/forms";
import { isPlainObject } from "@/lib/validation";
import type { SaveLeadResult } from "@/lib/leads/form";
import { leadPatchSchema } from "@/lib/leads/schema";
import { updateLead } from "@/lib/leads/service";

/**
 * The lead page's "Edit": PATCH /api/public/leads/{id}'s schema and service (a blank field clears it), except
 * that metadata becomes exactly the form's, since the form shows every key and may remove some.
 */
export async function updateLeadAction(leadId: unknown, body: unknown): Promise<SaveLeadResult> {
  const rep = await requireRep(typeof leadId === "string" ? `/leads/${encodeURIComponent(leadId)}` : undefined);
  if (typeof leadId !== "string" || !isPlainObject(body)) return unreadableRequest();
  const parsed = parseForm(leadPatchSchema, body);
  if (!parsed.ok) return parsed;
  try {
    const lead = await updateLead(await getDb(), { clientId: rep.clientId, leadId, patch: parsed.data, replaceMetadata: true });
    return { ok: true, leadId: lead.id };
  } catch (error) {
    return failureFromError(error);
  }
}
