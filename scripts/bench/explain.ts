import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "@/db/schema";
import type { Database } from "@/db/client";

export type CapturedQuery = { label: string; sql: string; params: unknown[] };

/**
 * Runs `work` on a drizzle handle that records every SQL statement it sends, so the bench can EXPLAIN the
 * exact queries the product makes (not copies of them).
 */
export async function captureQueries(url: string, label: string, work: (db: Database) => Promise<unknown>): Promise<CapturedQuery[]> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const captured: CapturedQuery[] = [];
  const db = drizzle(client, { schema, logger: { logQuery: (sql, params) => captured.push({ label, sql, params }) } }) as unknown as Database;
  try {
    await work(db);
  } finally {
    await client.end();
  }
  return captured;
}

/** EXPLAIN (ANALYZE, BUFFERS) of each query; the plans and whether any scans meetings or leads sequentially. */
export async function explainAll(url: string, queries: CapturedQuery[]) {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const plans = [];
    for (const query of queries) {
      const rows = await client.unsafe(`explain (analyze, buffers) ${query.sql}`, query.params as never[]);
      const plan = rows.map((row) => row["QUERY PLAN"]).join("\n");
      const sequential = /Seq Scan on (meetings|leads)\b/.test(plan);
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]);
      plans.push({ label: query.label, sql: query.sql, plan, sequential, executionMs: ms });
    }
    return plans;
  } finally {
    await client.end();
  }
}
