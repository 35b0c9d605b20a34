import http from "node:http";
import https from "node:https";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { guardedLookup, webhookUrlPolicy } from "./url-guard";
import { SIGNATURE_HEADER, signatureHeader } from "./signing";

const USER_AGENT = "NexorMeetings-Webhooks/1.0";
const RESPONSE_EXCERPT_BYTES = 1024;
const FAILING_DAYS_BEFORE_DISABLE = 3;

const setting = (name: string, fallback: string) => process.env[name] ?? fallback;
/** Delays before the retries after a failed first attempt: 1, 5 and 30 minutes unless configured. */
const retryDelaysSeconds = () => setting("WEBHOOK_RETRY_DELAYS_SECONDS", "60,300,1800").split(",").map(Number);
const deliveryTimeoutMs = () => Number(setting("WEBHOOK_TIMEOUT_MS", "10000"));

type Claimed = typeof webhookDeliveries.$inferSelect & { url: string; secret: string; enabled: boolean };
type AttemptResult = { statusCode: number | null; durationMs: number; responseExcerpt: string | null; error: string | null };

/**
 * Claims up to `limit` due deliveries for this worker: rows other workers hold are skipped, and a claim
 * lapses after the timeout (plus a margin), so a delivery whose worker died is attempted again.
 */
export async function claimDueDeliveries(db: Database, params: { limit: number }): Promise<Claimed[]> {
  const d = webhookDeliveries;
  const claimSeconds = deliveryTimeoutMs() / 1000 + 30;
  const due = db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.status, "pending"), sql`${d.nextAttemptAt} <= now()`, sql`(${d.claimedUntil} is null or ${d.claimedUntil} < now())`))
    .orderBy(d.nextAttemptAt)
    .limit(params.limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(d)
    .set({ claimedUntil: sql`now() + ${claimSeconds}::float8 * interval '1 second'` })
    .where(sql`${d.id} in ${due}`)
    .returning();
  if (!claimed.length) return [];
  // Each endpoint by its id and its delivery's client, as every tenant query is scoped.
  const pairs = sql.join(claimed.map((c) => sql`(${c.endpointId}::uuid, ${c.clientId}::uuid)`), sql`, `);
  const endpoints = await db
    .select({ id: webhookEndpoints.id, clientId: webhookEndpoints.clientId, url: webhookEndpoints.url, secret: webhookEndpoints.secret, enabled: webhookEndpoints.enabled })
    .from(webhookEndpoints)
    .where(sql`(${webhookEndpoints.id}, ${webhookEndpoints.clientId}) in (${pairs})`);
  const byKey = new Map(endpoints.map((e) => [`${e.id}|${e.clientId}`, e]));
  return claimed.flatMap((delivery) => {
    const endpoint = byKey.get(`${delivery.endpointId}|${delivery.clientId}`);
    return endpoint ? [{ ...delivery, url: endpoint.url, secret: endpoint.secret, enabled: endpoint.enabled }] : [];
  });
}

/** The JSON body of a delivery: the same event id on every retry and redelivery. */
export function envelope(delivery: Claimed) {
  return {
    event_type: delivery.eventType,
    event_id: delivery.eventId,
    webhook_id: delivery.endpointId,
    delivery_id: delivery.id,
    timestamp: delivery.eventAt.toISOString(),
    client_id: delivery.clientId,
    test: delivery.test,
    data: delivery.data,
  };
}

/** One POST of the delivery to its endpoint: never throws; a refusal, a timeout or a non-2xx is a failed attempt. */
export function attemptDelivery(delivery: Claimed): Promise<AttemptResult> {
  const body = JSON.stringify(envelope(delivery));
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const url = new URL(delivery.url);
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request(url, {
      method: "POST",
      lookup: guardedLookup(webhookUrlPolicy()),
      timeout: deliveryTimeoutMs(),
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
        "user-agent": USER_AGENT,
        [SIGNATURE_HEADER]: signatureHeader(delivery.secret, timestamp, body),
        "x-nexor-event-id": delivery.eventId,
        "x-nexor-delivery-id": delivery.id,
      },
    });
    const fail = (error: string) => resolve({ statusCode: null, durationMs: elapsed(), responseExcerpt: null, error });
    request.on("timeout", () => request.destroy(new Error(`no answer within ${deliveryTimeoutMs() / 1000} s`)));
    request.on("error", (error) => fail(error.message));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      response.on("error", (error) => fail(error.message));
      response.on("end", () => {
        const status = response.statusCode ?? 0;
        const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8");
        resolve({ statusCode: status, durationMs: elapsed(), responseExcerpt: excerpt, error: status >= 200 && status < 300 ? null : `HTTP ${status}` });
      });
    });
    request.end(body);
  });
}

/**
 * Records an attempt and decides what follows, in one transaction: success ends the delivery; a failure
 * schedules the next retry, or after the last one marks it failed. An endpoint that has failed every
 * delivery for three days is disabled, with the reason shown.
 */
export async function recordAttempt(db: Database, delivery: Claimed, result: AttemptResult): Promise<void> {
  const succeeded = result.error === null;
  const attemptNumber = delivery.attemptCount + 1;
  const delay = retryDelaysSeconds()[attemptNumber - 1];
  const d = webhookDeliveries;
  const e = webhookEndpoints;
  await db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      clientId: delivery.clientId, deliveryId: delivery.id,
      statusCode: result.statusCode, durationMs: result.durationMs, responseExcerpt: result.responseExcerpt, error: result.error,
    });
    await tx
      .update(d)
      .set({
        attemptCount: attemptNumber,
        claimedUntil: null,
        status: succeeded ? "succeeded" : delay === undefined ? "failed" : "pending",
        nextAttemptAt: succeeded || delay === undefined ? null : sql`now() + ${delay}::float8 * interval '1 second'`,
      })
      .where(and(eq(d.clientId, delivery.clientId), eq(d.id, delivery.id)));
    const ofEndpoint = and(eq(e.clientId, delivery.clientId), eq(e.id, delivery.endpointId));
    if (succeeded) {
      await tx.update(e).set({ failingSince: null }).where(ofEndpoint);
      return;
    }
    await tx
      .update(e)
      .set({
        failingSince: sql`coalesce(${e.failingSince}, now())`,
        enabled: sql`${e.enabled} and coalesce(${e.failingSince}, now()) > now() - interval '${sql.raw(String(FAILING_DAYS_BEFORE_DISABLE))} days'`,
        disabledReason: sql`case when coalesce(${e.failingSince}, now()) <= now() - interval '${sql.raw(String(FAILING_DAYS_BEFORE_DISABLE))} days'
          then ${`Disabled automatically: every delivery failed for ${FAILING_DAYS_BEFORE_DISABLE} days`} else ${e.disabledReason} end`,
      })
      .where(ofEndpoint);
  });
}

/** A delivery for an endpoint that was disabled meanwhile is closed without sending. */
export async function closeForDisabledEndpoint(db: Database, delivery: Claimed): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({ status: "failed", claimedUntil: null, nextAttemptAt: null })
      .where(and(eq(webhookDeliveries.clientId, delivery.clientId), eq(webhookDeliveries.id, delivery.id)));
    await tx.insert(webhookAttempts).values({
      clientId: delivery.clientId, deliveryId: delivery.id, statusCode: null, durationMs: 0, responseExcerpt: null, error: "not sent: the endpoint is disabled",
    });
  });
}
