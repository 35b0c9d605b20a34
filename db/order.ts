import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

// drizzle-kit writes an index column declared `.desc()` as DESC NULLS LAST. PostgreSQL reads an index in
// order only for an ORDER BY with the same nulls placement (NOT NULL does not count), and a plain DESC means
// NULLS FIRST: it would fetch and sort every matching row (all 10,000 meetings of a busy lead) instead.
// Queries served by such an index order by these.

/** Descending, as a `.desc()` index column stores it. */
export const descNullsLast = (column: AnyPgColumn | SQL): SQL => sql`${column} desc nulls last`;

/** Ascending, as a `.desc()` index column reads backwards. */
export const ascNullsFirst = (column: AnyPgColumn | SQL): SQL => sql`${column} asc nulls first`;
