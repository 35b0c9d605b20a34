"use server";

import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fieldErrorsFrom, type FieldErrors } from "@/lib/forms";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { logMeeting } from "@/lib/meetings/log";
import { timelineTab, type TimelineTab } from "@/lib/meetings/timeline";
import { fieldIssues } from "@/lib/validation";

export type LogMeetingResult = { ok: true; tab: TimelineTab } | { ok: false; fieldErrors: FieldErrors; formError: string | null };

/**
 * The dashboard's "Log meeting": same schema and service as POST /api/public/meetings, for the
 * signed-in rep's own client. The lead is the page's; calendar ids and lead email never come from the form.
 */
export async function logMeetingAction(leadId: string, values: unknown): Promise<LogMeetingResult> {
  const rep = await requireRep(typeof leadId === "string" ? `/leads/${leadId}` : undefined);
  const submitted = typeof values === "object" && values !== null && !Array.isArray(values) ? values : {};
  const parsed = meetingInputSchema.safeParse({
    ...submitted,
    lead_id: String(leadId),
    lead_email: null,
    external_calendar_provider: null,
    external_event_id: null,
  });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsFrom(fieldIssues(parsed.error)), formError: null };

  try {
    const { meeting } = await logMeeting(await getDb(), {
      clientId: rep.clientId, input: parsed.data, source: "manual", actor: { type: "rep", name: rep.name, userId: rep.userId },
    });
    return { ok: true, tab: timelineTab(meeting, new Date()) };
  } catch (error) {
    if (error instanceof AppError && error.code === "validation_failed") {
      return { ok: false, fieldErrors: fieldErrorsFrom(error.extra.details ?? []), formError: null };
    }
    if (error instanceof AppError && error.code === "lead_not_found") {
      return { ok: false, fieldErrors: {}, formError: "This lead no longer exists in your account." };
    }
    throw error;
  }
}
