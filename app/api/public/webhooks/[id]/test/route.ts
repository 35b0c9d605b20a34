import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { sendTestEvent } from "@/lib/webhooks/endpoints";
import { toPublicDelivery } from "@/lib/webhooks/serialize";

// POST /api/public/webhooks/{id}/test — queue an example event marked `"test": true`.
export const POST = publicRoute<{ id: string }>(async ({ db, clientId, params }) => {
  const delivery = await sendTestEvent(db, { clientId, webhookId: params.id });
  return json({ success: true, delivery: toPublicDelivery(delivery) }, 202);
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
