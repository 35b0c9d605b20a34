"use server";

import { z } from "zod";
import { failureFromError, unreadableRequest } from "@/lib/action-failures";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { LoadHistoryAction } from "@/lib/meetings/card-actions";
import { loadHistoryFeed } from "@/lib/meetings/history-feed";
import { isUuid } from "@/lib/validation";

const historyRequestSchema = z.object({
  scope: z.union([z.strictObject({ meetingId: z.string().refine(isUuid) }), z.strictObject({ leadId: z.string().refine(isUuid) })]),
  offset: z.number().int().min(0).max(1_000_000),
});

/** A page of one meeting's history, or of a lead's activity, in the rep's zone. */
export async function loadHistoryAction(scope: unknown, offset: unknown): ReturnType<LoadHistoryAction> {
  const rep = await requireRep();
  const request = historyRequestSchema.safeParse({ scope, offset });
  if (!request.success) return unreadableRequest();
  try {
    const page = await loadHistoryFeed(await getDb(), { clientId: rep.clientId, timeZone: rep.timeZone, of: request.data.scope, offset: request.data.offset });
    return { ok: true, page };
  } catch (error) {
    return failureFromError(error);
  }
}
