import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { leads, leadSortName } from "@/db/schema";
import { decodeCursor, encodeCursor, preciseInstantText } from "@/lib/pagination";
import { storableString } from "@/lib/validation";

// The lead list's orders. Each is a keyset: a cursor carries the position of the row it was made from
// (the values of its sort key), so a page costs what the first does and never uses OFFSET.

export const leadSorts = ["name", "updated", "next-meeting"] as const;
export type LeadSort = (typeof leadSorts)[number];
export const parseLeadSort = (value: unknown): LeadSort => (leadSorts.includes(value as LeadSort) ? (value as LeadSort) : "name");

export type PageDirection = "after" | "before";
/** A page boundary as the URL carries it: `?after=…` or `?before=…` with an opaque token. */
export type LeadPageCursor = { direction: PageDirection; token: string };

const instant = preciseInstantText();
const name = storableString();
const positionSchema = z.discriminatedUnion("sort", [
  z.object({ sort: z.literal("name"), name, id: z.guid() }),
  z.object({ sort: z.literal("updated"), updatedAt: instant, id: z.guid() }),
  z.object({ sort: z.literal("next-meeting"), nextAt: instant.nullable(), name, id: z.guid() }),
]);
export type LeadPosition = z.output<typeof positionSchema>;

export const encodePosition = (position: LeadPosition) => encodeCursor(position);

/** The position inside a URL's token, or null for one this list did not issue or issued for another order. */
export function decodePosition(token: string, sort: LeadSort): LeadPosition | null {
  const parsed = positionSchema.safeParse(decodeCursor(token));
  return parsed.success && parsed.data.sort === sort ? parsed.data : null;
}

type SortKey = { name: SQL; updatedAt: SQL; nextAt: SQL };

/** ORDER BY for a sort; `backwards` walks it in reverse, for the page before a cursor. */
export function sortOrder(sort: LeadSort, key: SortKey, backwards: boolean): SQL[] {
  const dir = backwards ? sql.raw("desc") : sql.raw("asc");
  // Spelled as leads_client_updated_idx has it (DESC NULLS LAST), or PostgreSQL sorts instead of walking it.
  const reverse = backwards ? sql.raw("asc nulls first") : sql.raw("desc nulls last");
  switch (sort) {
    case "name":
      return [sql`${key.name} ${dir}`, sql`${leads.id} ${dir}`];
    case "updated":
      return [sql`${key.updatedAt} ${reverse}`, sql`${leads.id} ${reverse}`];
    case "next-meeting":
      // Leads with no upcoming meeting come last, alphabetically.
      return [sql`${key.nextAt} ${dir} nulls ${sql.raw(backwards ? "first" : "last")}`, sql`${key.name} ${dir}`, sql`${leads.id} ${dir}`];
  }
}

/** The rows strictly after (or before) `position` in the sort's order. */
export function keysetCondition(position: LeadPosition, direction: PageDirection, key: SortKey): SQL {
  const after = direction === "after";
  const cmp = sql.raw(after ? ">" : "<");
  switch (position.sort) {
    case "name":
      return sql`(${key.name}, ${leads.id}) ${cmp} (${position.name}, ${position.id}::uuid)`;
    case "updated":
      return sql`(${key.updatedAt}, ${leads.id}) ${sql.raw(after ? "<" : ">")} (${position.updatedAt}::timestamptz, ${position.id}::uuid)`;
    case "next-meeting": {
      const byName = sql`(${key.name}, ${leads.id}) ${cmp} (${position.name}, ${position.id}::uuid)`;
      if (position.nextAt === null) {
        return after ? sql`(${key.nextAt} is null and ${byName})` : sql`(${key.nextAt} is not null or ${byName})`;
      }
      const at = sql`${position.nextAt}::timestamptz`;
      const sameTime = sql`(${key.nextAt} = ${at} and ${byName})`;
      return after
        ? sql`(${key.nextAt} > ${at} or ${sameTime} or ${key.nextAt} is null)`
        : sql`(${key.nextAt} < ${at} or ${sameTime})`;
    }
  }
}

/** The name key every order uses: the exact expression `leads_client_name_idx` is built on. */
export const nameKey = () => leadSortName(leads);
