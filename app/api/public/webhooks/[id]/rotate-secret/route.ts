import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints";
import { toPublicWebhook } from "@/lib/webhooks/serialize";

// POST /api/public/webhooks/{id}/rotate-secret — a new signing secret, shown once; the old one stops at once.
export const POST = publicRoute<{ id: string }>(async ({ db, clientId, params }) => {
  const endpoint = await rotateWebhookSecret(db, { clientId, webhookId: params.id });
  return json({ success: true, webhook: toPublicWebhook(endpoint, { withSecret: true }) });
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
