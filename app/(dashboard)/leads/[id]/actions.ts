"use server";

import { failureFromError, unreadableRequest } from "@/lib/action-failures";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isPlainObject, parseForm } from "@/lib/forms";
import type { LogMeetingResult } from "@/lib/meetings/log-form";
import { logMeeting } from "@/lib/meetings/log";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { timelineTab } from "@/lib/meetings/timeline";

/**
 * The dashboard's "Log meeting": same schema and service as POST /api/public/meetings, for the
 * signed-in rep's own client. The lead is the page's; calendar ids and lead email never come from the form.
 */
export async function logMeetingAction(leadId: unknown, values: unknown): Promise<LogMeetingResult> {
  const rep = await requireRep(typeof leadId === "string" ? `/leads/${encodeURIComponent(leadId)}` : undefined);
  if (typeof leadId !== "string" || !isPlainObject(values)) return unreadableRequest();
  const parsed = parseForm(meetingInputSchema, {
    ...values,
    lead_id: leadId,
    lead_email: null,
    external_calendar_provider: null,
    external_event_id: null,
  });
  if (!parsed.ok) return parsed;

  try {
    const { meeting } = await logMeeting(await getDb(), {
      clientId: rep.clientId, input: parsed.data, source: "manual", actor: { type: "rep", name: rep.name, userId: rep.userId },
    });
    return { ok: true, tab: timelineTab(meeting, new Date()), meetingId: meeting.id };
  } catch (error) {
    return failureFromError(error);
  }
}
