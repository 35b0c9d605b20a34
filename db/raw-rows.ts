import { fillPlaceholders, type Logger } from "drizzle-orm";

/** A row of `executeRaw`: each selected field as the bytes PostgreSQL sent (UTF-8 text), null where SQL's is. */
export type RawRow<Row> = { [Key in keyof Row]: null extends Row[Key] ? Buffer | null : Buffer };

/**
 * What a drizzle prepared query keeps of itself (drizzle-orm 0.45's postgres-js and PGlite sessions). They are not drizzle's
 * public API, so tests/db/raw-rows.test.ts pins them on PGlite and the API tests on PostgreSQL.
 */
type PreparedQueryInternals = {
  client: RawCapableClient;
  queryString: string;
  params: unknown[];
  logger: Logger;
  fields?: { path: string[] }[];
};

type PostgresJsClient = { unsafe(query: string, params: unknown[], options: { prepare: boolean }): { raw(): Promise<(Buffer | null)[][]> } };
type PgliteClient = { query(query: string, params: unknown[], options: { rowMode: "array" }): Promise<{ rows: unknown[][] }> };
type RawCapableClient = PostgresJsClient | PgliteClient;

/**
 * Runs a drizzle prepared select and answers each row's fields as bytes, never decoded into strings: for text that is sent on
 * as it is, like each meeting's stored public JSON. On PostgreSQL it is postgres.js's raw mode: measured on 10,000 rows
 * of 750 bytes, decoding them into strings, joining them and encoding the answer back took 45 ms of CPU where slicing and
 * concatenating the bytes took 13. The query goes through drizzle's logger as drizzle's own execute would send it.
 * PGlite (the embedded default) decodes its rows itself; they are encoded back here, so select text there.
 */
export async function executeRaw<Row>(
  prepared: { execute(values?: Record<string, unknown>): Promise<Row[]> },
  values: Record<string, unknown> = {},
): Promise<RawRow<Row>[]> {
  const { client, queryString, params, logger, fields } = prepared as unknown as PreparedQueryInternals;
  if (typeof queryString !== "string" || !client || !logger || !fields?.every((field) => field.path.length === 1)) {
    throw new Error("executeRaw needs a drizzle prepared select of flat fields");
  }
  const filled = fillPlaceholders(params, values);
  logger.logQuery(queryString, filled);
  const names = fields.map((field) => field.path[0]);
  const rows = "unsafe" in client
    ? await client.unsafe(queryString, filled, { prepare: true }).raw()
    : (await client.query(queryString, filled, { rowMode: "array" })).rows.map((row) => row.map(asBytes));
  return rows.map((row) => {
    const named: Record<string, Buffer | null> = {};
    for (let index = 0; index < names.length; index++) named[names[index]] = row[index];
    return named as RawRow<Row>;
  });
}

// PGlite parses json, dates, numbers and booleans into JavaScript values, whose text would not be PostgreSQL's
// ("true" for "t"): select them as text.
function asBytes(value: unknown): Buffer | null {
  if (value === null) return null;
  if (typeof value !== "string") throw new Error("executeRaw reads text columns; cast this one to text in the select");
  return Buffer.from(value);
}
