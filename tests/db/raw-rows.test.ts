import type { PGlite } from "@electric-sql/pglite";
import { eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { executeRaw } from "@/db/raw-rows";
import * as schema from "@/db/schema";
import { leads } from "@/db/schema";
import { createClient } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

// executeRaw reads what drizzle's prepared queries keep of themselves, which is not drizzle's public API: these pin it
// on PGlite; every GET /leads/{id}/meetings of the API suite pins it on PostgreSQL (postgres.js's raw mode).

let connection: EmbeddedDatabase;
let db: Database;
let clientId: string;

beforeAll(async () => {
  connection = await openEmbeddedDatabase("raw rows");
  db = connection.db;
  clientId = (await createClient(db, { name: "Raw" })).client.id;
  await createLead(db, { clientId, input: { first_name: "Zoë", last_name: "Ñandú 会議 🎉", email: "zoe@example.com" } });
  await createLead(db, { clientId, input: { first_name: "Ana", email: "ana@example.com" } });
}, 60_000);

afterAll(async () => {
  await connection.close();
});

const leadsOfClient = (database: Database) =>
  database
    .select({ firstName: leads.firstName, lastName: leads.lastName, email: leads.email })
    .from(leads)
    .where(eq(leads.clientId, sql.placeholder("clientId")))
    .orderBy(leads.email)
    .prepare("raw_rows_test");

describe("executeRaw", () => {
  it("answers each selected field, by its name, as the UTF-8 bytes of what drizzle's own execute decodes; null stays null", async () => {
    const decoded = await leadsOfClient(db).execute({ clientId });
    const raw = await executeRaw(leadsOfClient(db), { clientId });
    expect(decoded.map((row) => row.firstName)).toEqual(["Ana", "Zoë"]);
    expect(raw).toHaveLength(decoded.length);
    raw.forEach((row, index) => {
      expect(Object.keys(row)).toEqual(["firstName", "lastName", "email"]);
      const expected = decoded[index];
      expect(row.firstName.equals(Buffer.from(expected.firstName))).toBe(true);
      expect(row.email?.equals(Buffer.from(expected.email!))).toBe(true);
      if (expected.lastName === null) expect(row.lastName).toBeNull();
      else expect(row.lastName?.equals(Buffer.from(expected.lastName, "utf8"))).toBe(true);
    });
    expect(raw[1].lastName?.toString()).toBe("Ñandú 会議 🎉");
  });

  it("fills the placeholders: another client's id finds nothing", async () => {
    const other = (await createClient(db, { name: "Other" })).client.id;
    expect(await executeRaw(leadsOfClient(db), { clientId: other })).toEqual([]);
  });

  it("sends the query through drizzle's logger, with the values it ran with", async () => {
    const logged: { sql: string; params: unknown[] }[] = [];
    const client = (db as unknown as { $client: PGlite }).$client;
    const recording = drizzle(client, { schema, logger: { logQuery: (query, params) => logged.push({ sql: query, params }) } }) as unknown as Database;
    await executeRaw(leadsOfClient(recording), { clientId });
    expect(logged).toEqual([{ sql: expect.stringContaining('from "leads"'), params: [clientId] }]);
  });

  it("runs inside a transaction, on the transaction's connection: it sees the transaction's own writes", async () => {
    const inside = await db.transaction(async (tx) => {
      await createLead(tx, { clientId, input: { first_name: "Inside", email: "inside@example.com" } });
      return (await executeRaw(leadsOfClient(tx), { clientId })).map((row) => row.firstName.toString());
    });
    expect(inside).toContain("Inside");
  });

  it.each([
    ["json", sql<unknown>`json_build_object('a', 1)`],
    ["a boolean", sql<unknown>`true`],
    ["a number", sql<unknown>`1::int`],
  ])("refuses %s, which PGlite parses into a JavaScript value, rather than send text PostgreSQL would not", async (_kind, column) => {
    const statement = db.select({ value: column }).from(leads).limit(1).prepare("raw_rows_typed");
    await expect(executeRaw(statement)).rejects.toThrow(/cast this one to text/);
  });

  it("refuses a nested selection, whose fields it could not name", async () => {
    const nested = db.select({ lead: { email: leads.email } }).from(leads).limit(1).prepare("raw_rows_nested");
    await expect(executeRaw(nested)).rejects.toThrow(/flat fields/);
  });
});
