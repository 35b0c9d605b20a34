"use server";

import { failureFromError, unreadableRequest } from "@/lib/action-failures";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isPlainObject } from "@/lib/validation";
import { parseLogForm, type LogMeetingResult } from "@/lib/meetings/log-form";
import { logMeeting } from "@/lib/meetings/log";
import { timelineTab } from "@/lib/meetings/timeline";

/**
 * The dashboard's "Log meeting": same schema and service as POST /api/public/meetings, for the
 * signed-in rep's own client. The lead is the page's; calendar ids and lead email never come from the form.
 * With an outcome it records a meeting that already happened: scheduled, then completed or no-show.
 */
export async function logMeetingAction(leadId: unknown, values: unknown, outcome: unknown): Promise<LogMeetingResult> {
  const rep = await requireRep(typeof leadId === "string" ? `/leads/${encodeURIComponent(leadId)}` : undefined);
  if (typeof leadId !== "string" || !isPlainObject(values) || !(outcome === null || outcome === undefined || isPlainObject(outcome))) {
    return unreadableRequest();
  }
  const meeting = { ...values, lead_id: leadId, lead_email: null, external_calendar_provider: null, external_event_id: null };
  const parsed = parseLogForm(meeting, outcome, new Date());
  if (!parsed.ok) return parsed;

  try {
    const { meeting: logged } = await logMeeting(await getDb(), {
      clientId: rep.clientId,
      input: parsed.meeting,
      source: "manual",
      actor: { type: "rep", name: rep.name, userId: rep.userId },
      outcome: parsed.outcome ?? undefined,
    });
    return { ok: true, tab: timelineTab(logged, new Date()), meetingId: logged.id };
  } catch (error) {
    return failureFromError(error);
  }
}
