import type { Sql, TransactionSql } from "postgres";

type Scoped<T> = (sql: TransactionSql) => T | Promise<T>;

/**
 * Makes every query drizzle sends through postgres.js a named prepared statement. drizzle passes
 * `prepare: false` for each query it was not told to prepare, so PostgreSQL parsed and planned those again
 * on every call: measured here, a lead's keyset page spent 0.5–1.9 ms parsing and 0.8–2.3 ms binding and
 * planning beside 1.4–1.9 ms executing. postgres.js keeps each connection's statements keyed by their SQL
 * text and parameter types, and drizzle writes the same text for the same query shape (values are
 * parameters), so the set is as small as the app's list of query shapes. Queries without parameters still
 * use the simple protocol (migrations send several statements at once).
 */
export function preparingEveryQuery<S extends Sql | TransactionSql>(sql: S): S {
  const unsafe = sql.unsafe;
  sql.unsafe = ((query: string, parameters?: unknown[], options?: object) =>
    unsafe(query, (parameters ?? []) as never, { ...options, prepare: true })) as S["unsafe"];
  if ("begin" in sql) (sql as Sql).begin = preparingInScope(sql.begin);
  if ("savepoint" in sql) (sql as TransactionSql).savepoint = preparingInScope(sql.savepoint);
  return sql;
}

/** `begin(options?, scoped)` and `savepoint(name?, scoped)`, with the scope's own query function preparing too. */
function preparingInScope<Open extends Sql["begin"] | TransactionSql["savepoint"]>(open: Open): Open {
  const call = open as (first: string | Scoped<unknown>, scoped?: Scoped<unknown>) => Promise<unknown>;
  return ((first: string | Scoped<unknown>, scoped?: Scoped<unknown>) =>
    typeof first === "function"
      ? call((tx: TransactionSql) => first(preparingEveryQuery(tx)))
      : call(first, (tx) => scoped!(preparingEveryQuery(tx)))) as Open;
}
