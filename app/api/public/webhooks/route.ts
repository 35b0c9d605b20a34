import { readJsonBody } from "@/lib/api/json-body";
import { json, methodNotAllowed, publicRoute } from "@/lib/api/public-route";
import { parseOrThrow } from "@/lib/validation";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { webhookInputSchema } from "@/lib/webhooks/schema";
import { toPublicWebhook } from "@/lib/webhooks/serialize";

// GET /api/public/webhooks — the client's webhook endpoints (without their secrets).
export const GET = publicRoute(async ({ db, clientId }) => {
  const endpoints = await listWebhookEndpoints(db, { clientId });
  return json({ success: true, webhooks: endpoints.map((endpoint) => toPublicWebhook(endpoint)) });
});

// POST /api/public/webhooks {url, events, description?} — subscribe; the answer shows the signing secret, once.
export const POST = publicRoute(async ({ request, db, clientId }) => {
  const input = parseOrThrow(webhookInputSchema, await readJsonBody(request));
  const endpoint = await createWebhookEndpoint(db, { clientId, input });
  return json({ success: true, webhook: toPublicWebhook(endpoint, { withSecret: true }) }, 201);
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
