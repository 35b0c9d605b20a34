import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookDeliveries } from "@/db/schema";
import { createClient } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { createRunDatabase, withRunDatabase } from "@/scripts/support/database";
import { startServer } from "@/scripts/support/server";
import { startReceiver } from "@/tests/support/webhook-receiver";

// Webhook deliveries across a crash and a shutdown, on production servers with a database of their own:
// the suite's shared server runs a delivery worker too, which would deliver what these tests hold back.
let databaseUrl = "";
let dropDatabase = async () => {};
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), "nexor-webhook-delivery-"));
const serverEnv = (extra: Record<string, string>) => ({
  ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" as const, NEXOR_SKIP_DEMO_SEED: "1",
  WEBHOOKS_ALLOW_HTTP_LOOPBACK: "1", WEBHOOK_POLL_INTERVAL_MS: "100", WEBHOOK_RETRY_DELAYS_SECONDS: "1,1,1", ...extra,
});
let serverCount = 0;
const start = (extra: Record<string, string> = {}) => startServer(serverEnv(extra), path.join(logDir, `server-${++serverCount}.log`));

beforeAll(async () => {
  const database = await createRunDatabase(process.env.TEST_DATABASE_URL, logDir, "webhooks");
  databaseUrl = database.env.DATABASE_URL;
  dropDatabase = database.drop;
});

afterAll(async () => {
  await dropDatabase();
  fs.rmSync(logDir, { recursive: true, force: true });
});

async function subscribedTenant(receiverUrl: string) {
  return withRunDatabase({ DATABASE_URL: databaseUrl }, async (db) => {
    const { client, apiKey } = await createClient(db, { name: "Webhook delivery" });
    const endpoint = await createWebhookEndpoint(db, { clientId: client.id, input: { url: receiverUrl, events: ["meeting.scheduled"] } });
    const lead = await createLead(db, { clientId: client.id, input: { first_name: "Crash", email: `crash-${client.id}@example.com` } });
    return { apiKey, leadId: lead.id, endpointId: endpoint.id };
  });
}

const bookMeeting = (baseUrl: string, tenant: { apiKey: string; leadId: string }) =>
  fetch(`${baseUrl}/api/public/meetings`, {
    method: "POST",
    headers: { "x-api-key": tenant.apiKey, "content-type": "application/json" },
    body: JSON.stringify({ lead_id: tenant.leadId, title: "Survives a crash", starts_at: new Date(Date.now() + 86_400_000).toISOString(), duration_minutes: 30 }),
  });

const deliveryStatuses = (endpointId: string) =>
  withRunDatabase({ DATABASE_URL: databaseUrl }, async (db) =>
    (await db.select({ status: webhookDeliveries.status }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId))).map((d) => d.status));

describe("webhook deliveries across a crash and a shutdown", { timeout: 120_000 }, () => {
  const receivers: { close: () => Promise<void> }[] = [];
  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
  });

  it("an event committed before a SIGKILL, and not yet sent, is delivered after the restart", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const tenant = await subscribedTenant(receiver.url);
    // No worker in this instance: the event is committed and waits in the outbox when the process dies.
    const first = await start({ WEBHOOK_WORKER: "0" });
    const created = await bookMeeting(first.baseUrl, tenant);
    expect(created.status).toBe(201);
    const meetingId = (await created.json()).meeting.id;
    await first.kill();
    expect(receiver.received).toHaveLength(0);
    expect(await deliveryStatuses(tenant.endpointId)).toEqual(["pending"]);

    const second = await start();
    try {
      const [event] = await receiver.waitFor(1);
      expect(event.json).toMatchObject({ event_type: "meeting.scheduled", data: { meeting: { id: meetingId } } });
    } finally {
      await second.stop();
    }
  });

  it("SIGTERM lets a send in flight finish and be recorded before the process exits", async () => {
    const receiver = await startReceiver(() => 200, { delayMs: 1500 });
    receivers.push(receiver);
    const tenant = await subscribedTenant(receiver.url);
    const server = await start();
    expect((await bookMeeting(server.baseUrl, tenant)).status).toBe(201);
    await receiver.waitFor(1); // the worker's POST has arrived; the answer comes 1.5 s later
    await server.stop();
    expect(await deliveryStatuses(tenant.endpointId)).toEqual(["succeeded"]);
  });
});
