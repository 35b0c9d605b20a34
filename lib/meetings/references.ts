import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetingTypes, users } from "@/db/schema";
import { AppError, validationFailed, type FieldIssue } from "@/lib/errors";
import { getLead, type Lead } from "@/lib/leads/service";
import { normalizedEmail } from "@/lib/validation";
import { findLeadByEmailWithEventMeeting, findMeetingOfExternalEvent, type MeetingView } from "./queries";
import type { NewMeeting } from "./schema";

/**
 * The meeting's lead, `lead_id` winning over `lead_email`, both scoped to the client; and with an external event,
 * the meeting it already made, or null. By email, the lead and the meeting come from one statement.
 */
export async function resolveLeadAndEventMeeting(
  db: Database,
  params: { clientId: string; input: NewMeeting; event: { provider: string; eventId: string } | null },
): Promise<{ lead: Lead; seen: MeetingView | null }> {
  const { clientId, input, event } = params;
  if (input.leadId) {
    const lead = await getLead(db, { clientId, leadId: input.leadId });
    return { lead, seen: event ? await findMeetingOfExternalEvent(db, { clientId, ...event, lock: false }) : null };
  }
  const found = await findLeadByEmailWithEventMeeting(db, { clientId, email: input.leadEmail!, event });
  if (!found) throw new AppError("lead_not_found", "Lead not found for the provided email");
  return { lead: found.lead, seen: found.meeting };
}

/** Host and meeting type must belong to the caller's client; both problems are reported together. */
export async function resolveReferences(db: Database, params: { clientId: string; input: NewMeeting }) {
  const { clientId, input } = params;
  const issues: FieldIssue[] = [];
  let host: { id: string; name: string } | null = null;
  let meetingType: { id: string; name: string } | null = null;
  if (input.hostEmail) {
    [host = null] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.clientId, clientId), eq(users.active, true), eq(sql`lower(${users.email})`, normalizedEmail(input.hostEmail))));
    if (!host) issues.push({ field: "host_email", message: "must be the email of an active user of your account" });
  }
  if (input.meetingTypeId) {
    [meetingType = null] = await db
      .select({ id: meetingTypes.id, name: meetingTypes.name })
      .from(meetingTypes)
      .where(and(eq(meetingTypes.clientId, clientId), eq(meetingTypes.id, input.meetingTypeId)));
    if (!meetingType) issues.push({ field: "meeting_type_id", message: "must be a meeting type of your account" });
  }
  if (issues.length) throw validationFailed(issues);
  return { host, meetingType };
}
