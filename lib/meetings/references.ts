import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { meetingTypes, users } from "@/db/schema";
import { AppError, validationFailed, type FieldIssue } from "@/lib/errors";
import { findLeadByEmail, getLead, type Lead } from "@/lib/leads/service";
import type { NewMeeting } from "./schema";

/** The meeting's lead: `lead_id` wins over `lead_email`; both scoped to the client. */
export async function resolveLead(db: Database, clientId: string, input: NewMeeting): Promise<Lead> {
  if (input.leadId) return getLead(db, { clientId, leadId: input.leadId });
  const lead = await findLeadByEmail(db, { clientId, email: input.leadEmail! });
  if (!lead) throw new AppError("lead_not_found", "Lead not found for the provided email");
  return lead;
}

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
