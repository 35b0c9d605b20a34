import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { clients, leads } from "@/db/schema";
import { withRunDatabase } from "@/scripts/support/database";

// drizzle sends each query it was not told to prepare as an unnamed statement, which PostgreSQL parses and
// plans again on every call; db/prepare-all.ts names them all. A named statement stays in the session's
// pg_prepared_statements, an unnamed one never does. One pooled connection, so every query is seen.
const databaseUrl = process.env.TEST_RUN_DATABASE_URL!;

async function onOneConnection<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const saved = process.env.DATABASE_POOL_SIZE;
  process.env.DATABASE_POOL_SIZE = "1";
  try {
    return await withRunDatabase({ DATABASE_URL: databaseUrl }, work);
  } finally {
    if (saved === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = saved;
  }
}

// Query shapes no other code sends, so their statements are this test's own; the savepoint gets a shape
// of its own, since one the transaction already prepared would be found whatever the savepoint sent.
const lookUp = (db: Database, marker: string) =>
  db.select({ id: clients.id }).from(clients).where(and(eq(clients.id, randomUUID()), eq(clients.name, marker)));
const lookUpLead = (db: Database, marker: string) =>
  db.select({ id: leads.id }).from(leads).where(and(eq(leads.id, randomUUID()), eq(leads.phone, marker)));

async function preparedStatementsOf(db: Database): Promise<string[]> {
  const rows = (await db.execute(sql`select statement from pg_prepared_statements where from_sql = false`)) as unknown as { statement: string }[];
  return rows.map((row) => row.statement);
}

const preparedLookUp = (statements: string[]) => statements.filter((statement) => statement.includes(`where ("clients"."id" = $1 and "clients"."name" = $2)`));
const preparedLeadLookUp = (statements: string[]) => statements.filter((statement) => statement.includes(`where ("leads"."id" = $1 and "leads"."phone" = $2)`));

describe("every query drizzle sends to PostgreSQL is a named prepared statement", () => {
  it("outside a transaction", async () => {
    const statements = await onOneConnection(async (db) => {
      await lookUp(db, "plain");
      return preparedStatementsOf(db);
    });
    expect(preparedLookUp(statements)).toHaveLength(1);
  });

  it("inside a transaction, and inside a nested one (a savepoint)", async () => {
    const [inTransaction, inSavepoint] = await onOneConnection((db) =>
      db.transaction(async (tx) => {
        await lookUp(tx, "transaction");
        const first = await preparedStatementsOf(tx);
        const second = await tx.transaction(async (nested) => {
          await lookUpLead(nested, "savepoint");
          await lookUpLead(nested, "savepoint again");
          return preparedStatementsOf(nested);
        });
        return [first, second];
      }),
    );
    expect(preparedLookUp(inTransaction)).toHaveLength(1);
    // The same text again is the same statement: parsed once per connection.
    expect(preparedLeadLookUp(inSavepoint)).toHaveLength(1);
  });
});
