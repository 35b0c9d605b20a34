import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { cardClass, secondaryButtonClass } from "@/components/ui/styles";
import type { FormResult } from "@/lib/forms";
import { getLocalizedMessage } from "@/lib/i18n/localized-message-server";
import type { WebhookDelivery, WebhookEndpoint } from "@/lib/webhooks/endpoints";
import { ActionButton } from "./action-button";
import { DeliveryLog } from "./delivery-log";
import { RotateSecretButton } from "./rotate-secret-button";

export type EndpointActions = {
  sendTest: () => Promise<FormResult>;
  toggle: () => Promise<FormResult>;
  remove: () => Promise<FormResult>;
  rotate: () => Promise<FormResult<{ secret: string; url: string }>>;
  redeliver: (deliveryId: string) => Promise<FormResult>;
};

const smallButton = `${secondaryButtonClass} px-2.5 py-1.5`;

/** One endpoint: where it points, what it gets, its state, its controls and its delivery log. */
export async function EndpointCard(props: { endpoint: WebhookEndpoint; deliveries: WebhookDelivery[]; timeZone: string; actions: EndpointActions }) {
  const { endpoint, actions } = props;
  const [t, localize] = await Promise.all([getTranslations("webhooks.endpoint"), getLocalizedMessage()]);
  return (
    <article aria-label={t("label", { url: endpoint.url })} className={`${cardClass} space-y-4 p-5`} data-testid="webhook-endpoint">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="min-w-0 font-mono text-sm font-medium break-all text-slate-900">{endpoint.url}</h3>
          {endpoint.enabled ? <Badge tone="green">{t("enabled")}</Badge> : <Badge tone="red">{t("disabled")}</Badge>}
        </div>
        {endpoint.description && <p className="text-sm text-slate-600">{endpoint.description}</p>}
        {endpoint.disabledReason && <p className="text-sm text-red-700">{localize(endpoint.disabledReason)}</p>}
        <ul aria-label={t("events")} className="flex flex-wrap gap-1.5">
          {endpoint.events.map((type) => (
            <li key={type}><Badge tone="slate">{type}</Badge></li>
          ))}
        </ul>
      </header>
      <div className="flex flex-wrap items-start gap-2">
        <ActionButton action={actions.sendTest} label={t("sendTest")} pendingLabel={t("sending")} className={smallButton} />
        <ActionButton action={actions.toggle} label={endpoint.enabled ? t("disable") : t("enable")} pendingLabel={t("saving")} className={smallButton} />
        <RotateSecretButton action={actions.rotate} />
        <ActionButton
          action={actions.remove}
          label={t("delete")}
          pendingLabel={t("deleting")}
          className={`${smallButton} text-red-700 hover:bg-red-50`}
          confirm={t("confirmDelete", { url: endpoint.url })}
        />
      </div>
      <DeliveryLog url={props.endpoint.url} deliveries={props.deliveries} timeZone={props.timeZone} redeliver={actions.redeliver} />
    </article>
  );
}
