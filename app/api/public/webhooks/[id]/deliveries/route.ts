import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { listWebhookDeliveries } from "@/lib/webhooks/endpoints";
import { toPublicDelivery } from "@/lib/webhooks/serialize";

// GET /api/public/webhooks/{id}/deliveries — the latest 50 deliveries, newest first, with every attempt.
export const GET = publicRoute<{ id: string }>(async ({ db, clientId, params }) => {
  const deliveries = await listWebhookDeliveries(db, { clientId, webhookId: params.id });
  return json({ success: true, deliveries: deliveries.map(toPublicDelivery) });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
