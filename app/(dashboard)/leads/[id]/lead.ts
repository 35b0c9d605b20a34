import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getLead } from "@/lib/leads/service";

/** The signed-in rep and the lead of the URL, or the 404 page when the lead is missing or another client's. */
export const leadForRep = cache(async (leadId: string) => {
  const rep = await requireRep(`/leads/${encodeURIComponent(leadId)}`);
  try {
    return { rep, lead: await getLead(await getDb(), { clientId: rep.clientId, leadId }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "lead_not_found") notFound();
    throw error;
  }
});
