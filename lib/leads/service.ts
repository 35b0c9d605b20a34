import { and, eq, sql, type Placeholder } from "drizzle-orm";
import type { Database } from "@/db/client";
import { descNullsLast } from "@/db/order";
import { leads } from "@/db/schema";
import { AppError, leadNotFound, validationFailed, type FieldIssue } from "@/lib/errors";
import { fieldIssues, isUuid } from "@/lib/validation";
import { leadInputSchema, metadataSizeProblem, type LeadInput, type LeadPatch } from "./schema";

export type Lead = typeof leads.$inferSelect;

export const fullName = (lead: Pick<Lead, "firstName" | "lastName">) =>
  [lead.firstName, lead.lastName].filter(Boolean).join(" ").trim();

const leadValues = (clientId: string, input: LeadInput, source: string) => ({
  clientId,
  firstName: input.first_name,
  lastName: input.last_name ?? null,
  email: input.email ?? null,
  phone: input.phone ?? null,
  metadata: input.metadata ?? {},
  source,
});

export async function createLead(db: Database, params: { clientId: string; input: LeadInput; source?: string }): Promise<Lead> {
  const [lead] = await db.insert(leads).values(leadValues(params.clientId, params.input, params.source ?? "api")).returning();
  return lead;
}

const MAX_BULK_LEADS = 1_000;

/**
 * Creates many leads at once (1 to 1,000): each item is validated on its own, invalid ones are reported by
 * index and never block the valid ones, which are inserted together in one statement.
 */
export async function createLeads(
  db: Database,
  params: { clientId: string; items: unknown[] },
): Promise<({ index: number; lead: Lead } | { index: number; issues: FieldIssue[] })[]> {
  if (!params.items.length || params.items.length > MAX_BULK_LEADS) {
    throw validationFailed([{ field: "body", message: `must be a lead object or an array of 1 to ${MAX_BULK_LEADS} lead objects` }]);
  }
  const parsed = params.items.map((item, index) => ({ index, result: leadInputSchema.safeParse(item) }));
  const valid = parsed.flatMap(({ index, result }) => (result.success ? [{ index, input: result.data }] : []));
  const rows = valid.length
    ? await db.insert(leads).values(valid.map(({ input }) => leadValues(params.clientId, input, "api"))).returning()
    : [];
  const created = new Map(valid.map(({ index }, position) => [index, rows[position]]));
  return parsed.map(({ index, result }) =>
    result.success ? { index, lead: created.get(index)! } : { index, issues: fieldIssues(result.error) },
  );
}

/** Deletes the client's lead with its meetings and their history (foreign keys cascade), or lead_not_found. */
export async function deleteLead(db: Database, params: { clientId: string; leadId: string }): Promise<void> {
  if (!isUuid(params.leadId)) throw leadNotFound();
  const deleted = await db
    .delete(leads)
    .where(and(eq(leads.clientId, params.clientId), eq(leads.id, params.leadId)))
    .returning({ id: leads.id });
  if (!deleted.length) throw leadNotFound();
}

/** The client's lead, or a lead_not_found error: another client's lead and a malformed id look the same. */
export async function getLead(db: Database, params: { clientId: string; leadId: string }): Promise<Lead> {
  if (!isUuid(params.leadId)) throw leadNotFound();
  const [lead] = await db
    .select()
    .from(leads)
    .where(and(eq(leads.clientId, params.clientId), eq(leads.id, params.leadId)));
  if (!lead) throw leadNotFound();
  return lead;
}

/**
 * Changes the given fields. Metadata is merged key by key (PATCH), or with `replaceMetadata` becomes
 * exactly the patch's (the dashboard's edit form, which shows every key and can remove one). With
 * `unchangedSince` (the lead's updated_at when the form was opened), an edit_conflict when the lead has
 * changed since: a form that writes every field would otherwise undo that change unseen.
 */
export async function updateLead(
  db: Database,
  params: { clientId: string; leadId: string; patch: LeadPatch; replaceMetadata?: boolean; unchangedSince?: Date },
): Promise<Lead> {
  if (!isUuid(params.leadId)) throw leadNotFound();
  const { patch } = params;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ metadata: leads.metadata, updatedAt: leads.updatedAt })
      .from(leads)
      .where(and(eq(leads.clientId, params.clientId), eq(leads.id, params.leadId)))
      .for("update");
    if (!current) throw leadNotFound();
    // Every update moves updated_at on by a millisecond at least, so milliseconds tell.
    if (params.unchangedSince && current.updatedAt.getTime() !== params.unchangedSince.getTime()) {
      throw new AppError("edit_conflict", "The lead was changed since it was read");
    }
    // PATCH merges metadata key by key; the merged whole must stay within the limits too.
    const metadata = params.replaceMetadata
      ? (patch.metadata ?? {})
      : patch.metadata === undefined ? undefined : { ...current.metadata, ...patch.metadata };
    const problem = metadata && metadataSizeProblem(metadata);
    if (problem) throw validationFailed([{ field: "metadata", message: `${problem} after merging` }]);
    const [lead] = await tx
      .update(leads)
      .set({
        ...(patch.first_name !== undefined && { firstName: patch.first_name }),
        ...(patch.last_name !== undefined && { lastName: patch.last_name }),
        ...(patch.email !== undefined && { email: patch.email }),
        ...(patch.phone !== undefined && { phone: patch.phone }),
        ...(metadata && { metadata }),
        // Strictly later, and visibly so at the millisecond precision of responses.
        updatedAt: sql`greatest(now(), ${leads.updatedAt} + interval '1 millisecond')`,
      })
      .where(and(eq(leads.clientId, params.clientId), eq(leads.id, params.leadId)))
      .returning();
    return lead;
  });
}

/**
 * Email matching (POST /meetings' lead_email): trimmed, case-insensitive, within the client; newest update, then
 * newest creation, then greatest id. The email as normalizedEmail gives it.
 */
export const leadsWithEmail = (params: { clientId: string | Placeholder; email: string | Placeholder }) => ({
  where: and(eq(leads.clientId, params.clientId), eq(sql`lower(${leads.email})`, params.email)),
  orderBy: [descNullsLast(leads.updatedAt), descNullsLast(leads.createdAt), descNullsLast(leads.id)],
});
