import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { AppError, deliveryNotFound, validationFailed, webhookNotFound } from "@/lib/errors";
import { isUuid } from "@/lib/validation";
import type { WebhookEventType } from "./events";
import type { WebhookInput } from "./schema";
import { newWebhookSecret } from "./signing";
import { webhookHostProblem, webhookUrlPolicy } from "./url-guard";

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/** The `where` of one endpoint of the client; an id that is not a UUID is the same 404 as a missing one. */
function ofEndpoint(params: { clientId: string; webhookId: string }) {
  if (!isUuid(params.webhookId)) throw webhookNotFound();
  return and(eq(webhookEndpoints.clientId, params.clientId), eq(webhookEndpoints.id, params.webhookId));
}

function found<T>(row: T | undefined): T {
  if (!row) throw webhookNotFound();
  return row;
}
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect & { attempts: (typeof webhookAttempts.$inferSelect)[] };

/** A new endpoint of the client; its secret is returned here (and on rotation) only. */
export async function createWebhookEndpoint(db: Database, params: { clientId: string; input: WebhookInput }): Promise<WebhookEndpoint> {
  const hostProblem = await webhookHostProblem(params.input.url, webhookUrlPolicy());
  if (hostProblem) throw validationFailed([{ field: "url", message: hostProblem }]);
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({ clientId: params.clientId, url: params.input.url, events: params.input.events, description: params.input.description ?? null, secret: newWebhookSecret() })
    .returning();
  return endpoint;
}

export async function listWebhookEndpoints(db: Database, params: { clientId: string }): Promise<WebhookEndpoint[]> {
  return db.select().from(webhookEndpoints).where(eq(webhookEndpoints.clientId, params.clientId)).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

/** The client's endpoint; another client's id, or no id at all, is the same 404. */
export async function getWebhookEndpoint(db: Database, params: { clientId: string; webhookId: string }): Promise<WebhookEndpoint> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(ofEndpoint(params));
  return found(endpoint);
}

export async function deleteWebhookEndpoint(db: Database, params: { clientId: string; webhookId: string }): Promise<void> {
  const [deleted] = await db.delete(webhookEndpoints).where(ofEndpoint(params)).returning({ id: webhookEndpoints.id });
  found(deleted);
}

/** A new secret for the endpoint; the old one stops signing at once. */
export async function rotateWebhookSecret(db: Database, params: { clientId: string; webhookId: string }): Promise<WebhookEndpoint> {
  const [endpoint] = await db.update(webhookEndpoints).set({ secret: newWebhookSecret(), updatedAt: sql`now()` }).where(ofEndpoint(params)).returning();
  return found(endpoint);
}

/** Turns an endpoint on again (clearing why it was disabled) or off. */
export async function setWebhookEnabled(db: Database, params: { clientId: string; webhookId: string; enabled: boolean }): Promise<WebhookEndpoint> {
  const [endpoint] = await db
    .update(webhookEndpoints)
    .set({ enabled: params.enabled, disabledReason: null, failingSince: null, updatedAt: sql`now()` })
    .where(ofEndpoint(params))
    .returning();
  return found(endpoint);
}

const DELIVERY_LOG_LIMIT = 50;

/** The endpoint's latest deliveries, newest first, each with its attempts in order. */
export async function listWebhookDeliveries(db: Database, params: { clientId: string; webhookId: string }): Promise<WebhookDelivery[]> {
  const endpoint = await getWebhookEndpoint(db, params);
  return deliveriesOfEndpoint(db, { clientId: params.clientId, endpointId: endpoint.id });
}

/** The latest deliveries of an endpoint the caller has already read as the client's (the settings page lists them first). */
export async function deliveriesOfEndpoint(db: Database, params: { clientId: string; endpointId: string }): Promise<WebhookDelivery[]> {
  const deliveries = await latestDeliveries(db, params);
  if (!deliveries.length) return [];
  const attempts = await attemptsOf(db, { clientId: params.clientId, deliveryIds: deliveries.map((d) => d.id) });
  return deliveries.map((delivery) => ({ ...delivery, attempts: attempts.filter((a) => a.deliveryId === delivery.id) }));
}

// The queries behind the endpoint's lookup, each scoped by client on its own (tests/db/tenant-filters.test.ts).

export const latestDeliveries = (db: Database, params: { clientId: string; endpointId: string }) =>
  db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.clientId, params.clientId), eq(webhookDeliveries.endpointId, params.endpointId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERY_LOG_LIMIT);

export const attemptsOf = (db: Database, params: { clientId: string; deliveryIds: string[] }) =>
  db
    .select()
    .from(webhookAttempts)
    .where(and(eq(webhookAttempts.clientId, params.clientId), inArray(webhookAttempts.deliveryId, params.deliveryIds)))
    .orderBy(asc(webhookAttempts.attemptedAt), asc(webhookAttempts.id));

export async function deliveryOfEndpoint(db: Database, params: { clientId: string; endpointId: string; deliveryId: string }) {
  const [delivery] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.clientId, params.clientId), eq(webhookDeliveries.endpointId, params.endpointId), eq(webhookDeliveries.id, params.deliveryId)));
  return delivery ?? null;
}

/** An example meeting, marked `test`, to see that the endpoint receives and verifies deliveries. */
/** A disabled endpoint is sent nothing: queuing an event for it would only record a failure. */
function refuseIfDisabled(endpoint: WebhookEndpoint) {
  if (!endpoint.enabled) {
    throw new AppError("endpoint_disabled", "Webhook endpoint is disabled", { message: "Enable it in the dashboard before sending to it" });
  }
}

export async function sendTestEvent(db: Database, params: { clientId: string; webhookId: string }) {
  const endpoint = await getWebhookEndpoint(db, params);
  refuseIfDisabled(endpoint);
  const eventType = endpoint.events[0] as WebhookEventType;
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({ clientId: params.clientId, endpointId: endpoint.id, eventId: randomUUID(), eventType, test: true, data: { meeting: exampleMeeting() } })
    .returning();
  return { ...delivery, attempts: [] };
}

/** Sends a delivery's event again as a new delivery, with the same event id so receivers can deduplicate. */
export async function redeliver(db: Database, params: { clientId: string; webhookId: string; deliveryId: string }) {
  const endpoint = await getWebhookEndpoint(db, params);
  if (!isUuid(params.deliveryId)) throw deliveryNotFound();
  refuseIfDisabled(endpoint);
  const original = await deliveryOfEndpoint(db, { clientId: params.clientId, endpointId: endpoint.id, deliveryId: params.deliveryId });
  if (!original) throw deliveryNotFound();
  const [delivery] = await db
    .insert(webhookDeliveries)
    .values({
      clientId: params.clientId, endpointId: endpoint.id, eventId: original.eventId, eventType: original.eventType,
      test: original.test, data: original.data, eventAt: original.eventAt,
    })
    .returning();
  return { ...delivery, attempts: [] };
}

function exampleMeeting() {
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  startsAt.setUTCMinutes(0, 0, 0);
  const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
  return {
    id: "00000000-0000-4000-8000-000000000000", lead_id: "00000000-0000-4000-8000-000000000001",
    title: "Test event: Discovery Call", description: null,
    starts_at: startsAt.toISOString(), ends_at: endsAt.toISOString(), duration_minutes: 30, timezone: "America/Santiago",
    status: "scheduled",
  };
}
