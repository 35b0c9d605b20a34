import { useLocale, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { secondaryButtonClass } from "@/components/ui/styles";
import type { FormResult } from "@/lib/forms";
import { formatInstant } from "@/lib/time/locale-format";
import type { WebhookDelivery } from "@/lib/webhooks/endpoints";
import { ActionButton } from "./action-button";
import { localizeAttemptError } from "./attempt-error";

const statusTone: Record<WebhookDelivery["status"], BadgeTone> = { pending: "amber", succeeded: "green", failed: "red" };

type Props = { url: string; deliveries: WebhookDelivery[]; timeZone: string; redeliver: (deliveryId: string) => Promise<FormResult> };

/** The endpoint's latest deliveries, newest first; each opens to its attempts, and can be sent again. */
export function DeliveryLog({ url, deliveries, timeZone, redeliver }: Props) {
  const t = useTranslations("webhooks.deliveries");
  const tError = useTranslations("webhooks.attemptErrors");
  const locale = useLocale();
  if (!deliveries.length) return <p className="text-sm text-slate-600">{t("none")}</p>;
  const when = (date: Date) => formatInstant(date, timeZone, locale, "short");
  return (
    <section aria-label={t("label", { url })}>
      <h4 className="text-sm font-medium text-slate-700">{t("latest")}</h4>
      <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="delivery-log">
        {deliveries.map((delivery) => {
          const last = delivery.attempts.at(-1);
          return (
            <li key={delivery.id} className="px-3 py-2" data-testid="delivery">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <code className="font-mono text-xs text-slate-800">{delivery.eventType}</code>
                {delivery.test && <Badge tone="indigo">{t("test")}</Badge>}
                <Badge tone={statusTone[delivery.status]}>{t(`status.${delivery.status}`)}</Badge>
                {last && <span data-testid="delivery-status-code" className="text-slate-700">{last.statusCode ?? t("noAnswer")}</span>}
                <span className="text-slate-600">{when(delivery.createdAt)}</span>
                <span className="ml-auto">
                  <ActionButton action={redeliver.bind(null, delivery.id)} label={t("redeliver")} pendingLabel={t("queueing")} className={`${secondaryButtonClass} px-2 py-1 text-xs`} />
                </span>
              </div>
              {delivery.attempts.length > 0 && (
                <details className="mt-1 text-xs text-slate-600">
                  <summary className="cursor-pointer">{t("attempts", { count: delivery.attempts.length })}</summary>
                  <ol className="mt-1 space-y-1">
                    {delivery.attempts.map((attempt) => (
                      <li key={attempt.id}>
                        {when(attempt.attemptedAt)} · {attempt.statusCode ?? t("noAnswer")} · {attempt.durationMs} ms
                        {attempt.error && ` · ${localizeAttemptError(attempt.error, tError)}`}
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
