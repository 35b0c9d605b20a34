import { Badge, type BadgeTone } from "@/components/ui/badge";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { FormResult } from "@/lib/forms";
import { formatZoned } from "@/lib/time/format";
import type { WebhookDelivery } from "@/lib/webhooks/endpoints";
import { ActionButton } from "./action-button";

const statusTone: Record<WebhookDelivery["status"], BadgeTone> = { pending: "amber", succeeded: "green", failed: "red" };
const statusLabel: Record<WebhookDelivery["status"], string> = { pending: "Pending", succeeded: "Delivered", failed: "Failed" };

type Props = { deliveries: WebhookDelivery[]; timeZone: string; redeliver: (deliveryId: string) => Promise<FormResult> };

/** The endpoint's latest deliveries, newest first; each opens to its attempts, and can be sent again. */
export function DeliveryLog({ deliveries, timeZone, redeliver }: Props) {
  if (!deliveries.length) return <p className="text-sm text-slate-600">No deliveries yet. Send a test event to try the endpoint.</p>;
  const when = (date: Date) => formatZoned(date, timeZone, "MMM d, h:mm a zzz");
  return (
    <section aria-label="Delivery log">
      <h4 className="text-sm font-medium text-slate-700">Latest deliveries</h4>
      <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="delivery-log">
        {deliveries.map((delivery) => {
          const last = delivery.attempts.at(-1);
          return (
            <li key={delivery.id} className="px-3 py-2" data-testid="delivery">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <code className="font-mono text-xs text-slate-800">{delivery.eventType}</code>
                {delivery.test && <Badge tone="indigo">Test</Badge>}
                <Badge tone={statusTone[delivery.status]}>{statusLabel[delivery.status]}</Badge>
                {last && <span data-testid="delivery-status-code" className="text-slate-700">{last.statusCode ?? "no answer"}</span>}
                <span className="text-slate-600">{when(delivery.createdAt)}</span>
                <span className="ml-auto">
                  <ActionButton action={redeliver.bind(null, delivery.id)} label="Redeliver" pendingLabel="Queueing…" className={`${secondaryButtonClass} px-2 py-1 text-xs`} />
                </span>
              </div>
              {delivery.attempts.length > 0 && (
                <details className="mt-1 text-xs text-slate-600">
                  <summary className="cursor-pointer">{delivery.attempts.length === 1 ? "1 attempt" : `${delivery.attempts.length} attempts`}</summary>
                  <ol className="mt-1 space-y-1">
                    {delivery.attempts.map((attempt) => (
                      <li key={attempt.id}>
                        {when(attempt.attemptedAt)} · {attempt.statusCode ?? "no answer"} · {attempt.durationMs} ms
                        {attempt.error && ` · ${attempt.error}`}
                        {attempt.responseExcerpt && <pre className="mt-0.5 whitespace-pre-wrap break-all text-slate-500">{attempt.responseExcerpt}</pre>}
                      </li>
                    ))}
                  </ol>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
