import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { deleteWebhookEndpoint, getWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { toPublicWebhook } from "@/lib/webhooks/serialize";

// GET /api/public/webhooks/{id} — one endpoint (without its secret).
export const GET = publicRoute<{ id: string }>(async ({ db, clientId, params }) => {
  const endpoint = await getWebhookEndpoint(db, { clientId, webhookId: params.id });
  return json({ success: true, webhook: toPublicWebhook(endpoint) });
});

// DELETE /api/public/webhooks/{id} — unsubscribe; pending deliveries to it are dropped.
export const DELETE = publicRoute<{ id: string }>(async ({ db, clientId, params }) => {
  await deleteWebhookEndpoint(db, { clientId, webhookId: params.id });
  return json({ success: true, deleted: true });
});

const notAllowed = methodNotAllowed(["GET", "DELETE"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH };
