import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { WebhookEventType } from "./events";

/**
 * Writes a row that `returning id, at` (a history entry) and queues it as an event for every enabled endpoint
 * of the client subscribed to it, in one statement: the row's id is the event id, its time the event's. Call
 * it in the transaction that made the change: a rolled-back change sends nothing, a committed one is never lost.
 */
export async function insertAndEnqueueWebhookEvent(
  tx: Database,
  params: { insertReturningIdAndAt: SQL; clientId: string; eventType: WebhookEventType; data: Record<string, unknown> },
): Promise<void> {
  const e = webhookEndpoints;
  const d = webhookDeliveries;
  await tx.execute(sql`
    with event as (${params.insertReturningIdAndAt})
    insert into ${d} (${sql.identifier(d.clientId.name)}, ${sql.identifier(d.endpointId.name)}, ${sql.identifier(d.eventId.name)},
                      ${sql.identifier(d.eventType.name)}, ${sql.identifier(d.eventAt.name)}, ${sql.identifier(d.data.name)})
    select ${e.clientId}, ${e.id}, event.id, ${params.eventType}, event.at, ${JSON.stringify(params.data)}::jsonb
    from ${e}, event
    where ${e.clientId} = ${params.clientId} and ${e.enabled} and ${params.eventType} = any(${e.events})`);
}
