import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetingTypes, users } from "@/db/schema";
import { AppError, validationFailed, type FieldIssue } from "@/lib/errors";
import { findLeadByEmail, getLead, type Lead } from "@/lib/leads/service";
import { findLeadByEmailWithEventMeeting, findMeetingOfExternalEvent, type MeetingView } from "./queries";
import type { NewMeeting } from "./schema";

/** The meeting's lead: `lead_id` wins over `lead_email`; both scoped to the client. */
async function resolveLead(db: Database, clientId: string, input: NewMeeting): Promise<Lead> {
  if (input.leadId) return getLead(db, { clientId, leadId: input.leadId });
  const lead = await findLeadByEmail(db, { clientId, email: input.leadEmail! });
  if (!lead) throw leadNotFoundByEmail();
  return lead;
}

/**
 * The meeting's lead (resolveLead), and with an external event the meeting it already made, or null: for the
 * integrations' commonest body, a lead by email with an external event, both from one statement.
 */
export async function resolveLeadAndEventMeeting(
  db: Database,
  params: { clientId: string; input: NewMeeting; event: { provider: string; eventId: string } | null },
): Promise<{ lead: Lead; seen: MeetingView | null }> {
  const { clientId, input, event } = params;
  if (event && !input.leadId) {
    const found = await findLeadByEmailWithEventMeeting(db, { clientId, email: input.leadEmail!, ...event });
    if (!found) throw leadNotFoundByEmail();
    return { lead: found.lead, seen: found.meeting };
  }
  const lead = await resolveLead(db, clientId, input);
  return { lead, seen: event ? await findMeetingOfExternalEvent(db, { clientId, ...event, lock: false }) : null };
}

const leadNotFoundByEmail = () => new AppError("lead_not_found", "Lead not found for the provided email");

/** Host and meeting type must belong to the caller's client; both problems are reported together. */
export async function resolveReferences(db: Database, clientId: string, input: NewMeeting) {
  const issues: FieldIssue[] = [];
  let host: { id: string; name: string } | null = null;
  let meetingType: { id: string; name: string } | null = null;
  if (input.hostEmail) {
    [host = null] = await db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.clientId, clientId), eq(users.active, true), eq(sql`lower(${users.email})`, input.hostEmail.toLowerCase())));
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
