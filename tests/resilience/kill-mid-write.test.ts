import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { meetingHistory, meetings } from "@/db/schema";
import { createClient, setClientRateLimit } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";
import { createRunDatabase, withRunDatabase } from "@/scripts/support/database";
import { startServer } from "@/scripts/support/server";

// A server killed with SIGKILL while creates, replays and lifecycle actions are in flight: after a restart
// every write a client saw acknowledged is there, and no meeting exists without its history (or vice versa).
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-kill-"));
let databaseEnv: Record<string, string>;
let dropDatabase = async () => {};
let tenant: { apiKey: string; leadId: string };

beforeAll(async () => {
  const database = await createRunDatabase(process.env.TEST_DATABASE_URL, workDir, "kill");
  databaseEnv = database.env;
  dropDatabase = database.drop;
  tenant = await withRunDatabase(databaseEnv, async (db) => {
    const { client, apiKey } = await createClient(db, { name: "Kill" });
    await setClientRateLimit(db, { clientId: client.id, perMinute: 1_000_000 });
    const lead = await createLead(db, { clientId: client.id, input: { first_name: "Killed", email: "killed@example.com" } });
    return { apiKey, leadId: lead.id };
  });
});

afterAll(async () => {
  await dropDatabase();
  fs.rmSync(workDir, { recursive: true, force: true });
});

type Ack = { kind: "create" | "replay" | "cancel" | "reschedule"; meetingId: string; historyType: string };

describe("SIGKILL mid-write", { timeout: 120_000 }, () => {
  it("loses no acknowledged write and leaves no meeting without its history", async () => {
    const env = { ...process.env, ...databaseEnv, NODE_ENV: "production" as const, NEXOR_SKIP_DEMO_SEED: "1", WEBHOOK_WORKER: "0" };
    const server = await startServer(env, path.join(workDir, "server-1.log"));
    const post = (pathname: string, body: unknown) =>
      fetch(`${server.baseUrl}/api/public${pathname}`, {
        method: "POST", headers: { "x-api-key": tenant.apiKey, "content-type": "application/json" }, body: JSON.stringify(body),
      });
    const acks: Ack[] = [];
    let killed = false;

    async function writer() {
      while (!killed) {
        try {
          const eventId = randomUUID();
          const body = { lead_id: tenant.leadId, title: "Before the crash", starts_at: "2031-03-01T10:00:00Z", duration_minutes: 30, external_calendar_provider: "kill", external_event_id: eventId };
          const created = await post("/meetings", body);
          if (created.status !== 201) continue;
          const meetingId = (await created.json()).meeting.id;
          acks.push({ kind: "create", meetingId, historyType: "meeting_scheduled" });
          if ((await post("/meetings", { ...body, title: "Replayed" })).status === 200) acks.push({ kind: "replay", meetingId, historyType: "meeting_updated" });
          if ((await post(`/meetings/${meetingId}/reschedule`, { starts_at: "2031-03-02T10:00:00Z", duration_minutes: 30 })).status === 200) {
            acks.push({ kind: "reschedule", meetingId, historyType: "meeting_rescheduled" });
          }
          if ((await post(`/meetings/${meetingId}/cancel`, { reason: "crash test" })).status === 200) acks.push({ kind: "cancel", meetingId, historyType: "meeting_cancelled" });
        } catch {
          // The connection died with the server: that write was never acknowledged.
        }
      }
    }

    const writers = Array.from({ length: 8 }, writer);
    // Kill once a fair number of writes have been acknowledged, with the writers still busy.
    const deadline = Date.now() + 30_000;
    while (acks.length < 60 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await server.kill();
    killed = true;
    await Promise.all(writers);
    expect(acks.length).toBeGreaterThanOrEqual(60);

    // A new server on the same database starts and answers.
    const restarted = await startServer(env, path.join(workDir, "server-2.log"));
    await restarted.stop();

    await withRunDatabase(databaseEnv, async (db) => {
      for (const ack of acks) {
        const [entry] = await db
          .select({ id: meetingHistory.id })
          .from(meetingHistory)
          .where(and(eq(meetingHistory.meetingId, ack.meetingId), eq(meetingHistory.type, ack.historyType as never)))
          .limit(1);
        expect(entry, `${ack.kind} of ${ack.meetingId}`).toBeDefined();
      }
      const [orphans] = await db
        .select({ count: sql<number>`count(*)::int` })
        .from(meetings)
        .where(sql`not exists (select 1 from ${meetingHistory} where ${meetingHistory.meetingId} = ${meetings.id} and ${meetingHistory.type} = 'meeting_scheduled')`);
      expect(orphans.count).toBe(0);
    });
  });
});
