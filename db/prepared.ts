import type { Database } from "./client";

const statements = new WeakMap<Database, Map<string, unknown>>();

/**
 * A drizzle prepared statement, built once per database handle and reused: the SQL is not rebuilt per
 * request and PostgreSQL keeps its plan. Measured on the lead's meetings query: 0.65 → 0.19 ms of CPU
 * and 2.7 → 0.4 ms per call. Only for hot queries whose shape never varies (values go in placeholders).
 */
export function preparedStatement<T>(db: Database, name: string, build: () => T): T {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  let statement = byName.get(name) as T | undefined;
  if (!statement) byName.set(name, (statement = build()));
  return statement;
}
