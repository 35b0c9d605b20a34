import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { createClient } from "@/lib/admin/service";
import { createLead } from "@/lib/leads/service";
import { logMeeting } from "@/lib/meetings/log";
import { meetingInputSchema } from "@/lib/meetings/schema";
import { claimDueDeliveries, recordAttempt } from "@/lib/webhooks/delivery";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { openEmbeddedDatabase, type EmbeddedDatabase } from "@/tests/support/embedded-database";

let connection: EmbeddedDatabase;
let db: Database;

beforeAll(async () => {
  connection = await openEmbeddedDatabase("webhook outbox");
  db = connection.db;
}, 60_000);

afterAll(async () => {
  await connection.close();
});

async function subscribedClient() {
  const { client } = await createClient(db, { name: "Webhooks" });
  const endpoint = await createWebhookEndpoint(db, { clientId: client.id, input: { url: "https://example.com/hook", events: ["meeting.scheduled"] } });
  const lead = await createLead(db, { clientId: client.id, input: { first_name: "Ada", email: `ada-${client.id}@example.com` } });
  const log = (tx: Database) =>
    logMeeting(tx, {
      clientId: client.id,
      input: meetingInputSchema.parse({ lead_id: lead.id, title: "Call", starts_at: new Date(Date.now() + 86_400_000).toISOString(), duration_minutes: 30 }),
      source: "api",
      actor: { type: "api", name: "test" },
    });
  const deliveries = () => db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
  return { log, deliveries, endpoint };
}

describe("webhook outbox", () => {
  it("queues the event in the change's transaction: a rolled-back change queues nothing", async () => {
    const { log, deliveries } = await subscribedClient();
    await expect(
      db.transaction(async (tx) => {
        await log(tx);
        throw new Error("the surrounding work failed");
      }),
    ).rejects.toThrow("the surrounding work failed");
    expect(await deliveries()).toHaveLength(0);

    await log(db);
    expect((await deliveries()).map((d) => [d.eventType, d.status])).toEqual([["meeting.scheduled", "pending"]]);
  });

  it("lets one worker hold a claimed delivery, and gives it to another once the claim lapses (a worker that died)", async () => {
    const { log, deliveries } = await subscribedClient();
    await log(db);
    const [queued] = await deliveries();
    const claimedIds = async () => (await claimDueDeliveries(db, { limit: 100 })).map((d) => d.id);

    expect(await claimedIds()).toContain(queued.id);
    expect(await claimedIds()).not.toContain(queued.id);
    await db.update(webhookDeliveries).set({ claimedUntil: sql`now() - interval '1 second'` }).where(eq(webhookDeliveries.id, queued.id));
    expect(await claimedIds()).toContain(queued.id);
  });

  it("does not claim a delivery before its retry is due", async () => {
    const { log, deliveries } = await subscribedClient();
    await log(db);
    const [queued] = await deliveries();
    await db.update(webhookDeliveries).set({ nextAttemptAt: sql`now() + interval '1 minute'` }).where(eq(webhookDeliveries.id, queued.id));
    expect((await claimDueDeliveries(db, { limit: 100 })).map((d) => d.id)).not.toContain(queued.id);
  });
});

describe("endpoints that keep failing", () => {
  const failure = { statusCode: 500, durationMs: 12, responseExcerpt: "down", error: "HTTP 500" };
  const success = { statusCode: 200, durationMs: 12, responseExcerpt: "ok", error: null };

  async function failingFor(seconds: number) {
    const { log, endpoint } = await subscribedClient();
    await log(db);
    await db.update(webhookEndpoints).set({ failingSince: sql`now() - ${seconds}::float8 * interval '1 second'` }).where(eq(webhookEndpoints.id, endpoint.id));
    const [claimed] = (await claimDueDeliveries(db, { limit: 100 })).filter((d) => d.endpointId === endpoint.id);
    const state = async () => (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)))[0];
    return { claimed, state };
  }
  const THREE_DAYS = 3 * 86_400;

  it("are disabled, with the reason, at a failure after three days of failing", async () => {
    const { claimed, state } = await failingFor(THREE_DAYS + 60);
    await recordAttempt(db, claimed, failure);
    expect(await state()).toMatchObject({ enabled: false, disabledReason: "Disabled automatically: every delivery failed for 3 days" });
  });

  it("stay enabled at a failure just before three days", async () => {
    const { claimed, state } = await failingFor(THREE_DAYS - 60);
    await recordAttempt(db, claimed, failure);
    expect(await state()).toMatchObject({ enabled: true, disabledReason: null });
  });

  it("start counting again after any success", async () => {
    const { claimed, state } = await failingFor(THREE_DAYS - 60);
    await recordAttempt(db, claimed, success);
    expect((await state()).failingSince).toBeNull();
  });
});
