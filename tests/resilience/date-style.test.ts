import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { clients } from "@/db/schema";
import { withRunDatabase } from "@/scripts/support/database";

// db/timestamptz.ts reads timestamps in PostgreSQL's ISO output. A server, database or role may be set to
// another DateStyle; every connection the app opens asks for ISO itself, so reads stay right.
const databaseUrl = process.env.TEST_RUN_DATABASE_URL!;

describe("timestamps under a database whose DateStyle is not ISO", () => {
  it("are read as the instants stored", async () => {
    const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const name = new URL(databaseUrl).pathname.slice(1);
    await admin.unsafe(`alter database "${name}" set datestyle = 'Postgres, MDY'`);
    try {
      const fresh = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      const [{ shown }] = await fresh.unsafe(`select now()::text as shown`);
      await fresh.end();
      expect(shown).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} /); // the premise: a new plain connection writes "Mon Dec 07 …"

      const stored = new Date("2031-05-06T07:08:09.123Z");
      const read = await withRunDatabase({ DATABASE_URL: databaseUrl }, async (db) => {
        const [row] = await db.insert(clients).values({ name: "DateStyle", createdAt: stored }).returning({ id: clients.id, createdAt: clients.createdAt });
        const [again] = await db.select({ createdAt: clients.createdAt, style: sql<string>`current_setting('datestyle')` }).from(clients).where(eq(clients.id, row.id));
        return { returned: row.createdAt, selected: again.createdAt, style: again.style };
      });
      expect(read).toEqual({ returned: stored, selected: stored, style: "ISO, MDY" });
    } finally {
      await admin.unsafe(`alter database "${name}" reset datestyle`);
      await admin.end();
    }
  });
});
