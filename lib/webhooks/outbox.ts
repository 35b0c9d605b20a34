import { sql, type Placeholder, type SQL } from "drizzle-orm";
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
  await tx.execute(sql`
    with event as (${params.insertReturningIdAndAt})
    ${enqueueEventInsert({ ...params, data: sql`${JSON.stringify(params.data)}::jsonb` })}`);
}

/**
 * The insert that queues `event`, a CTE of the same statement with the columns id and at (a history entry;
 * none, none queued), for every enabled endpoint of the client subscribed to the event type. `data` is the
 * event's payload as jsonb: a value, or SQL over the statement's other CTEs.
 */
export function enqueueEventInsert(params: { clientId: string | Placeholder; eventType: WebhookEventType; data: SQL }): SQL {
  const e = webhookEndpoints;
  const d = webhookDeliveries;
  return sql`
    insert into ${d} (${sql.identifier(d.clientId.name)}, ${sql.identifier(d.endpointId.name)}, ${sql.identifier(d.eventId.name)},
                      ${sql.identifier(d.eventType.name)}, ${sql.identifier(d.eventAt.name)}, ${sql.identifier(d.data.name)})
    select ${e.clientId}, ${e.id}, event.id, ${params.eventType}, event.at, ${params.data}
    from ${e}, event
    where ${e.clientId} = ${params.clientId} and ${e.enabled} and ${params.eventType} = any(${e.events})`;
}
