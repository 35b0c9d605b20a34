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
 * that metadata becomes exactly the form's, since the form shows every key and may remove some; and since
 * it writes every field, it is refused when the lead changed after the form read it (`seenUpdatedAt`).
 */
export async function updateLeadAction(leadId: unknown, body: unknown, seenUpdatedAt: unknown): Promise<SaveLeadResult> {
  const rep = await requireRep(typeof leadId === "string" ? `/leads/${encodeURIComponent(leadId)}` : undefined);
  const unchangedSince = typeof seenUpdatedAt === "string" ? new Date(seenUpdatedAt) : null;
  if (typeof leadId !== "string" || !isPlainObject(body) || !unchangedSince || Number.isNaN(unchangedSince.getTime())) return unreadableRequest();
  const parsed = parseForm(leadPatchSchema, body);
  if (!parsed.ok) return parsed;
  try {
    const lead = await updateLead(await getDb(), { clientId: rep.clientId, leadId, patch: parsed.data, replaceMetadata: true, unchangedSince });
    return { ok: true, leadId: lead.id };
  } catch (error) {
    return failureFromError(error);
  }
}
