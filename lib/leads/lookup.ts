import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { leads, leadSortName } from "@/db/schema";
import { validationFailed } from "@/lib/errors";
import { decodeCursor, encodeCursor, preciseInstant, preciseInstantText } from "@/lib/pagination";
import { emailAddress, normalizedEmail, optional, pageLimit, storableString, text } from "@/lib/validation";
import { MAX_LEAD_SEARCH, searchCondition } from "./list";
import { leadsWithEmail, type Lead } from "./service";

export const MAX_LEADS_PAGE = 200;

/** GET /leads query: `email` (exact) or `q` (substring), `limit` 1–200 (default 50), `cursor`. */
export const leadLookupQuerySchema = z
  .object({
    email: optional(emailAddress()),
    q: optional(text({ max: MAX_LEAD_SEARCH })),
    limit: optional(pageLimit(MAX_LEADS_PAGE)),
    cursor: optional(z.string().max(1000)),
  })
  .superRefine((query, ctx) => {
    if (query.email && query.q) ctx.addIssue({ code: "custom", path: ["q"], message: "cannot be combined with email; use one or the other" });
  });
export type LeadLookupQuery = z.output<typeof leadLookupQuerySchema>;

// Cursor positions: by email the order is the matching rule's (newest update, then creation, then id);
// otherwise alphabetical by full name, then id. Instants keep PostgreSQL's microseconds. Every value is
// checked, since a caller can edit a cursor and each one reaches the database as a parameter.
const positionSchemas = {
  email: z.object({ kind: z.literal("email"), updatedAt: preciseInstantText(), createdAt: preciseInstantText(), id: z.guid() }),
  name: z.object({ kind: z.literal("name"), name: storableString(), id: z.guid() }),
};
type Position<K extends keyof typeof positionSchemas> = z.output<(typeof positionSchemas)[K]>;

function decode<K extends keyof typeof positionSchemas>(cursor: string, kind: K): Position<K> {
  const parsed = positionSchemas[kind].safeParse(decodeCursor(cursor));
  if (!parsed.success) {
    throw validationFailed([{ field: "cursor", message: "is not a cursor of this listing; pass next_cursor from the previous page" }]);
  }
  return parsed.data as Position<K>;
}

/**
 * The client's leads for an integrator: by `email`, in the order POST /meetings matches them (the first is
 * the lead a meeting would attach to), or alphabetically with an optional `q` substring of name or email.
 * Keyset pages, never OFFSET.
 */
export async function lookUpLeads(
  db: Database,
  params: { clientId: string; query: LeadLookupQuery },
): Promise<{ leads: Lead[]; nextCursor: string | null }> {
  const { email, q, cursor } = params.query;
  const limit = params.query.limit ?? 50;
  const sortName = leadSortName(leads);

  let where: SQL | undefined;
  let order: SQL[];
  if (email) {
    const after = cursor ? decode(cursor, "email") : null;
    const matching = leadsWithEmail({ clientId: params.clientId, email: normalizedEmail(email) });
    where = and(matching.where, after ? sql`(${leads.updatedAt}, ${leads.createdAt}, ${leads.id})
      < (${after.updatedAt}::timestamptz, ${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined);
    order = matching.orderBy;
  } else {
    const after = cursor ? decode(cursor, "name") : null;
    where = and(
      eq(leads.clientId, params.clientId),
      searchCondition(q ?? ""),
      after ? sql`(${sortName}, ${leads.id}) > (${after.name}, ${after.id}::uuid)` : undefined,
    );
    order = [asc(sortName), asc(leads.id)];
  }

  const rows = await db
    .select({ lead: leads, name: sql<string>`${sortName}`, updatedAtText: preciseInstant(leads.updatedAt), createdAtText: preciseInstant(leads.createdAt) })
    .from(leads)
    .where(where)
    .orderBy(...order)
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = rows.length > limit ? page.at(-1)! : null;
  const nextCursor = !last
    ? null
    : encodeCursor(email
      ? { kind: "email", updatedAt: last.updatedAtText, createdAt: last.createdAtText, id: last.lead.id }
      : { kind: "name", name: last.name, id: last.lead.id });
  return { leads: page.map((row) => row.lead), nextCursor };
}
