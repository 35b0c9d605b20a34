import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { WebhookEventType } from "./events";

/**
 * Queues an event for every enabled endpoint of the client subscribed to it, in one statement. Call it in
 * the transaction that made the change: a rolled-back change sends nothing, a committed one is never lost.
 */
export async function enqueueWebhookEvent(
  tx: Database,
  params: { clientId: string; eventId: string; eventAt: Date; eventType: WebhookEventType; data: Record<string, unknown> },
): Promise<void> {
  const e = webhookEndpoints;
  const d = webhookDeliveries;
  await tx.execute(sql`
    insert into ${d} (${sql.identifier(d.clientId.name)}, ${sql.identifier(d.endpointId.name)}, ${sql.identifier(d.eventId.name)},
                      ${sql.identifier(d.eventType.name)}, ${sql.identifier(d.eventAt.name)}, ${sql.identifier(d.data.name)})
    select ${e.clientId}, ${e.id}, ${params.eventId}::uuid, ${params.eventType}, ${params.eventAt.toISOString()}::timestamptz,
           ${JSON.stringify(params.data)}::jsonb
    from ${e}
    where ${e.clientId} = ${params.clientId} and ${e.enabled} and ${params.eventType} = any(${e.events})`);
}
