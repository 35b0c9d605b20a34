import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { redeliver } from "@/lib/webhooks/endpoints";
import { toPublicDelivery } from "@/lib/webhooks/serialize";

// POST /api/public/webhooks/{id}/deliveries/{deliveryId}/redeliver — send that event again (same event_id).
export const POST = publicRoute<{ id: string; deliveryId: string }>(async ({ db, clientId, params }) => {
  const delivery = await redeliver(db, { clientId, webhookId: params.id, deliveryId: params.deliveryId });
  return json({ success: true, delivery: toPublicDelivery(delivery) }, 202);
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
