import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EndpointCard } from "@/components/webhooks/endpoint-card";
import { RefreshWhilePending } from "@/components/webhooks/refresh-while-pending";
import { WebhookForm } from "@/components/webhooks/webhook-form";
import { requireRep } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { deliveriesOfEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import {
  createWebhookAction, deleteWebhookAction, redeliverAction, rotateWebhookSecretAction, sendTestEventAction, setWebhookEnabledAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("webhooks.page"))("title") };
}

export default async function WebhooksPage() {
  const rep = await requireRep("/settings/webhooks");
  const db = await getDb();
  const t = await getTranslations("webhooks.page");
  const endpoints = await listWebhookEndpoints(db, { clientId: rep.clientId });
  // The endpoints were just read as the client's: their deliveries need no second lookup of each (the page refreshes itself while any is pending).
  const deliveries = await Promise.all(endpoints.map((endpoint) => deliveriesOfEndpoint(db, { clientId: rep.clientId, endpointId: endpoint.id })));
  const pendingIds = deliveries.flat().filter((delivery) => delivery.status === "pending").map((delivery) => delivery.id).join(",");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">{t("intro")}</p>
      </div>
      <RefreshWhilePending pendingIds={pendingIds} />
      <WebhookForm createAction={createWebhookAction} />
      <section aria-labelledby="webhook-endpoints" className="space-y-4">
        <h2 id="webhook-endpoints" className="text-base font-semibold">
          {t("endpoints")} <span className="font-normal text-slate-600">({endpoints.length})</span>
        </h2>
        {endpoints.length === 0 && <p className="text-sm text-slate-600">{t("noEndpoints")}</p>}
        {endpoints.map((endpoint, index) => (
          <EndpointCard
            key={endpoint.id}
            endpoint={endpoint}
            deliveries={deliveries[index]}
            timeZone={rep.timeZone}
            actions={{
              sendTest: sendTestEventAction.bind(null, endpoint.id),
              toggle: setWebhookEnabledAction.bind(null, endpoint.id, !endpoint.enabled),
              remove: deleteWebhookAction.bind(null, endpoint.id),
              rotate: rotateWebhookSecretAction.bind(null, endpoint.id),
              redeliver: redeliverAction.bind(null, endpoint.id),
            }}
          />
        ))}
      </section>
    </div>
  );
}
