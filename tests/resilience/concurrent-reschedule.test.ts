import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetings } from "@/db/schema";
import { createClient } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";
import { rescheduleMeeting } from "@/lib/meetings/lifecycle";
import { logMeeting } from "@/lib/meetings/log";
import { lockMeeting } from "@/lib/meetings/queries";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { createRunDatabase, withRunDatabase } from "@/scripts/support/database";

// Row locks need two connections to one PostgreSQL server: PGlite has one.
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-concurrent-reschedule-"));
let databaseEnv: Record<string, string>;
let dropDatabase = async () => {};

beforeAll(async () => {
  const database = await createRunDatabase(process.env.TEST_DATABASE_URL, workDir, "reschedule");
  databaseEnv = database.env;
  dropDatabase = database.drop;
});

afterAll(async () => {
  await dropDatabase();
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe("a reschedule racing a change of the meeting's zone", () => {
  it("reads the body's wall times in the zone of the row it locked, and keeps that zone", async () => {
    await withRunDatabase(databaseEnv, async (db) => {
      const { client } = await createClient(db, { name: "Concurrent reschedule" });
      const lead = await createLead(db, { clientId: client.id, input: { first_name: "Racing", email: "racing@example.com" } });
      const input = meetingInputSchema.parse({
        lead_id: lead.id, title: "Zone moves", starts_at: "2030-06-03T10:00:00", timezone: "America/New_York", duration_minutes: 30,
      });
      const { meeting } = await logMeeting(db, { clientId: client.id, input, source: "api", actor: { type: "api", name: "test" } });
      const target = { clientId: client.id, meetingId: meeting.id };

      // Another writer holds the row and moves the meeting to Tokyo while the reschedule comes in.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const zoneChange = db.transaction(async (tx) => {
        await lockMeeting(tx, target);
        await tx.update(meetings).set({ timezone: "Asia/Tokyo" }).where(and(eq(meetings.clientId, client.id), eq(meetings.id, meeting.id)));
        locked();
        await held;
      });
      await isLocked;
      const reschedule = rescheduleMeeting(db, { ...target, body: { starts_at: "2030-07-01T09:00:00", duration_minutes: 30 }, actor: { type: "api", name: "test" } });
      await waitUntilSomeoneWaitsForALock(db);
      release();
      await zoneChange;

      const { meeting: rescheduled } = await reschedule;
      expect(rescheduled.timezone).toBe("Asia/Tokyo");
      expect(rescheduled.startsAt.toISOString()).toBe("2030-07-01T00:00:00.000Z"); // 09:00 in Tokyo
    });
  });
});

/** Until a statement of this database is blocked on a lock: the reschedule has reached the row the other writer holds. */
async function waitUntilSomeoneWaitsForALock(db: Parameters<Parameters<typeof withRunDatabase>[1]>[0]) {
  for (let attempt = 0; attempt < 500; attempt++) {
    const rows = (await db.execute(sql`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)) as unknown as unknown[];
    if (rows.length) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the reschedule never waited for the row lock");
}
