"use server";

import { z } from "zod";
import { failureFromError, unreadableRequest } from "@/lib/action-failures";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { LoadTimelinePageAction } from "@/lib/meetings/card-actions";
import { timelineTabs } from "@/lib/meetings/timeline";
import { listTimelinePage } from "@/lib/meetings/timeline-page";
import { isUuid } from "@/lib/validation";

const timelinePageRequestSchema = z.object({
  leadId: z.string().refine(isUuid),
  tab: z.enum(timelineTabs),
  cursor: z.string().min(1).max(512).nullable(),
});

/** A page of a tab of a lead's timeline (the first with a null cursor). Scoped to the rep's client: another client's lead simply has no meetings. */
export async function loadTimelinePageAction(leadId: unknown, tab: unknown, cursor: unknown): ReturnType<LoadTimelinePageAction> {
  const rep = await requireRep();
  const request = timelinePageRequestSchema.safeParse({ leadId, tab, cursor });
  if (!request.success) return unreadableRequest();
  try {
    const page = await listTimelinePage(await getDb(), { clientId: rep.clientId, ...request.data, now: new Date() });
    return { ok: true, page };
  } catch (error) {
    return failureFromError(error);
  }
}
